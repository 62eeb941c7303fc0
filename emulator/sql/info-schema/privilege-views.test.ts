import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, sessionsFor, startTestWarehouse, type TestWarehouse } from '../../warehouse/testing/test-warehouse';

/**
 * The *_privileges views through the real driver, held to the Databricks information_schema pages:
 * - https://docs.databricks.com/aws/en/sql/language-manual/information-schema/catalog_privileges
 * - https://docs.databricks.com/aws/en/sql/language-manual/information-schema/schema_privileges
 * - https://docs.databricks.com/aws/en/sql/language-manual/information-schema/table_privileges
 * - https://docs.databricks.com/aws/en/sql/language-manual/information-schema/volume_privileges
 * - https://docs.databricks.com/aws/en/sql/language-manual/information-schema/routine_privileges
 * INHERITED_FROM: TABLE_PRIVILEGES documents it NOT NULL; the pages describe it as "the ancestor relation that the
 * privilege is inherited from" without spelling the values. Queries run on real workspaces read 'NONE' for a direct
 * grant and 'CATALOG' / 'SCHEMA' for an inherited one; the sandbox answers the same (the docs are silent on the
 * exact strings).
 */
let w: TestWarehouse;
const as = sessionsFor(() => w);
const admin = async (sql: string) => query(await as('admin@example.com'), sql);
const bob = async (sql: string) => query(await as('bob@example.com'), sql);
const ANA = 'ana@example.com';

beforeAll(async () => {
  w = await startTestWarehouse();
  for (const sql of [
    'CREATE CATALOG pv',
    'CREATE SCHEMA pv.s',
    'CREATE TABLE pv.s.t (id INT)',
    'CREATE VOLUME pv.s.v',
    'CREATE FUNCTION pv.s.f(x INT) RETURNS INT RETURN x + 1',
    `GRANT USE CATALOG, SELECT ON CATALOG pv TO \`${ANA}\``,
    `GRANT USE SCHEMA, READ VOLUME, EXECUTE ON SCHEMA pv.s TO \`${ANA}\``,
    `GRANT MODIFY ON TABLE pv.s.t TO \`${ANA}\``,
    `GRANT WRITE VOLUME ON VOLUME pv.s.v TO \`${ANA}\``,
    `GRANT EXECUTE ON FUNCTION pv.s.f TO \`${ANA}\``,
    // Bob may manage the catalog (and everything in it) but owns nothing and is no metastore admin.
    'GRANT USE CATALOG, MANAGE ON CATALOG pv TO `bob@example.com`',
  ]) {
    await admin(sql);
  }
});
afterAll(async () => w.close());

const rows = (who: (sql: string) => Promise<Record<string, unknown>[]>, view: string, where = 'TRUE') =>
  who(`SELECT privilege_type AS p, inherited_from AS i FROM system.information_schema.${view} WHERE grantee = '${ANA}' AND ${where} ORDER BY 1, 2`);

describe('information_schema *_privileges: INHERITED_FROM', () => {
  it("reads 'NONE' on a direct grant and names the ancestor's securable on an inherited one, never NULL", async () => {
    expect(await rows(admin, 'catalog_privileges')).toEqual([{ p: 'SELECT', i: 'NONE' }, { p: 'USE_CATALOG', i: 'NONE' }]);
    expect(await rows(admin, 'schema_privileges', "schema_name = 's'")).toEqual([
      { p: 'EXECUTE', i: 'NONE' }, { p: 'READ_VOLUME', i: 'NONE' }, { p: 'SELECT', i: 'CATALOG' }, { p: 'USE_SCHEMA', i: 'NONE' },
    ]);
    expect(await rows(admin, 'table_privileges')).toEqual([{ p: 'MODIFY', i: 'NONE' }, { p: 'SELECT', i: 'CATALOG' }]);
    expect(await rows(admin, 'volume_privileges')).toEqual([{ p: 'READ_VOLUME', i: 'SCHEMA' }, { p: 'WRITE_VOLUME', i: 'NONE' }]);
    expect(await rows(admin, 'routine_privileges')).toEqual([{ p: 'EXECUTE', i: 'NONE' }, { p: 'EXECUTE', i: 'SCHEMA' }]);
    for (const view of ['catalog_privileges', 'schema_privileges', 'table_privileges', 'volume_privileges', 'routine_privileges']) {
      expect(await admin(`SELECT count(*) AS n FROM system.information_schema.${view} WHERE inherited_from IS NULL`)).toEqual([{ n: 0 }]);
    }
  });

  it('serves VOLUME_PRIVILEGES and ROUTINE_PRIVILEGES with the documented columns', async () => {
    const [v] = await admin("SELECT * FROM pv.information_schema.volume_privileges WHERE privilege_type = 'WRITE_VOLUME'");
    expect(Object.keys(v!)).toEqual(['grantor', 'grantee', 'volume_catalog', 'volume_schema', 'volume_name', 'privilege_type', 'is_grantable', 'inherited_from']);
    expect(v).toMatchObject({ grantee: ANA, volume_catalog: 'pv', volume_schema: 's', volume_name: 'v', is_grantable: 'NO' });
    // The routine_privileges page lists ROUTNE_SCHEMA, a typo for routine_schema (the ROUTINES page spells it right).
    const [r] = await admin("SELECT * FROM pv.information_schema.routine_privileges WHERE inherited_from = 'NONE'");
    expect(Object.keys(r!)).toEqual([
      'grantor', 'grantee', 'specific_catalog', 'specific_schema', 'specific_name', 'routine_catalog', 'routine_schema', 'routine_name', 'privilege_type', 'is_grantable', 'inherited_from',
    ]);
    expect(r).toMatchObject({ grantee: ANA, specific_catalog: 'pv', specific_schema: 's', specific_name: 'f', routine_name: 'f' });
  });
});

describe('information_schema *_privileges: what a MANAGE holder sees', () => {
  it('shows a MANAGE holder who is not an owner only its own grants; SHOW GRANTS shows it everything', async () => {
    // The note on each *_privileges page: MANAGE holders "cannot view all grants for that object in the
    // INFORMATION_SCHEMA. Instead, the INFORMATION_SCHEMA only shows their own grants on the object."
    for (const view of ['catalog_privileges', 'schema_privileges', 'table_privileges', 'volume_privileges', 'routine_privileges']) {
      expect(await rows(bob, view)).toEqual([]);
      expect((await rows(admin, view)).length).toBeGreaterThan(0);
    }
    expect(await bob("SELECT privilege_type AS p FROM system.information_schema.catalog_privileges WHERE catalog_name = 'pv' ORDER BY 1")).toEqual([{ p: 'MANAGE' }, { p: 'USE_CATALOG' }]);
    // "Users with MANAGE privilege can view all grants on an object using SQL commands"
    // (https://docs.databricks.com/aws/en/sql/language-manual/security-show-grant).
    const shown = await bob(`SHOW GRANTS \`${ANA}\` ON TABLE pv.s.t`);
    expect(shown).toEqual(expect.arrayContaining([
      { principal: ANA, actionType: 'MODIFY', objectType: 'TABLE', objectKey: 'pv.s.t' },
      { principal: ANA, actionType: 'SELECT', objectType: 'CATALOG', objectKey: 'pv' },
    ]));
  });
});
