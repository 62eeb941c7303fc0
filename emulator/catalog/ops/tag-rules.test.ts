import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, sessionsFor, startTestWarehouse, type TestWarehouse } from '../../warehouse/testing/test-warehouse';

/**
 * Tag constraints from https://docs.databricks.com/aws/en/database-objects/tags ("Constraints"): at most 50 tags per
 * securable object, keys up to 255 characters, values up to 1000, and no `. , - = / :` in a key. The page does not
 * say which error a violation raises: the sandbox answers INVALID_PARAMETER_VALUE (SQLSTATE 22023) naming the rule.
 */
let w: TestWarehouse;
const as = sessionsFor(() => w);
const admin = async (sql: string) => query(await as('admin@example.com'), sql);
const refused = (detail: RegExp) => ({ message: expect.stringMatching(/^\[INVALID_PARAMETER_VALUE\]/), response: { sqlState: '22023', displayMessage: expect.stringMatching(detail) } });

beforeAll(async () => {
  w = await startTestWarehouse();
  await admin('CREATE CATALOG tags_c');
  await admin('CREATE SCHEMA tags_c.s');
  await admin('CREATE TABLE tags_c.s.t (id INT)');
});
afterAll(async () => w.close());

describe('tag constraints through the real driver', () => {
  it.each(['.', ',', '-', '=', '/', ':'])('refuses %s in a tag key, on every securable and on columns', async (ch) => {
    const key = `cost${ch}center`;
    for (const target of ['CATALOG tags_c', 'SCHEMA tags_c.s', 'TABLE tags_c.s.t']) {
      await expect(admin(`ALTER ${target} SET TAGS ('${key}' = 'x')`)).rejects.toMatchObject(refused(/tag keys cannot contain/));
    }
    await expect(admin(`ALTER TABLE tags_c.s.t ALTER COLUMN id SET TAGS ('${key}' = 'x')`)).rejects.toMatchObject(refused(/tag keys cannot contain/));
  });

  it('accepts other keys (underscores, spaces, unicode) and any characters in values', async () => {
    await admin("ALTER CATALOG tags_c SET TAGS ('cost_center' = 'a.b,c-d=e/f:g', 'data owner' = 'x', 'clé' = '')");
    expect(await admin("SELECT tag_name FROM system.information_schema.catalog_tags WHERE catalog_name = 'tags_c' ORDER BY 1")).toEqual([
      { tag_name: 'clé' }, { tag_name: 'cost_center' }, { tag_name: 'data owner' },
    ]);
  });

  it('allows 50 tags on one object and refuses the 51st; overwriting a key does not count twice', async () => {
    const pairs = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `'k${from + i}' = 'v'`).join(', ');
    await admin(`ALTER TABLE tags_c.s.t SET TAGS (${pairs(0, 50)})`);
    await admin("ALTER TABLE tags_c.s.t SET TAGS ('k0' = 'changed')");
    await expect(admin("ALTER TABLE tags_c.s.t SET TAGS ('k50' = 'v')")).rejects.toMatchObject(refused(/at most 50 tags/));
    expect(await admin("SELECT count(*) AS n FROM system.information_schema.table_tags WHERE table_name = 't'")).toEqual([{ n: 50 }]);
  });

  it('refuses keys over 255 characters and values over 1000', async () => {
    await expect(admin(`ALTER SCHEMA tags_c.s SET TAGS ('${'k'.repeat(256)}' = 'v')`)).rejects.toMatchObject(refused(/1 to 255 characters/));
    await expect(admin(`ALTER SCHEMA tags_c.s SET TAGS ('k' = '${'v'.repeat(1001)}')`)).rejects.toMatchObject(refused(/at most 1000/));
    await admin(`ALTER SCHEMA tags_c.s SET TAGS ('${'k'.repeat(255)}' = '${'v'.repeat(1000)}')`);
  });
});
