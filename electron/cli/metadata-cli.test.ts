import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCliSandbox, type CliSandbox } from './cli-sandbox.test-support';
import { runCliProcess } from './cli.test-support';

/** `ucbridge metadata …` as users run them (the bundle, stdin not a terminal), against the sandbox. */
const SEVERAL_RUNS = 180_000;
let sandbox: CliSandbox;
let home: string;
let data: string;
let config: string;

const cli = (args: string[]) => runCliProcess([...args, '--config', config, '--data-dir', data], sandbox.cliEnv());
const adminSql = (sql: string) => sandbox.adminSql(sql);

beforeAll(async () => {
  sandbox = await startCliSandbox('ucbridge-cli-meta-');
  ({ home, config } = sandbox);
  data = join(home, 'data');
  const setup = await sandbox.cli(['apply', '--yes', '--config', config]);
  if (setup.code !== 0) throw new Error(`set-up failed: ${setup.stderr}`);
});
afterAll(() => sandbox?.close());

describe('ucbridge metadata', () => {
  it('crawl --json prints the counts in the documented shape', async () => {
    const r = await cli(['metadata', 'crawl', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, number>;
    expect(Object.keys(out)).toEqual(['catalogs', 'schemas', 'tables', 'columns', 'tags', 'grants', 'masks', 'rowFilters', 'lineageEdges', 'seconds']);
    expect(out.tables).toBe(Number(Object.values((await adminSql("SELECT count(*) FROM system.information_schema.tables WHERE table_catalog <> 'system' AND table_schema <> 'information_schema'"))[0]!)[0]));
    expect(out.masks).toBeGreaterThan(0);
  }, SEVERAL_RUNS);

  it('register --include/--exclude --inactive --yes registers by rule; diff --json is exact; diff --apply --yes updates the registry', async () => {
    expect((await cli(['metadata', 'register', '--include', 'main.sales.*'])).code).toBe(2); // no terminal, no --yes
    expect((await cli(['metadata', 'register', '--include', 'a.b.c.d', '--yes'])).code).toBe(2);
    const registered = await cli(['metadata', 'register', '--include', 'main.sales.*', '--exclude', 'main.sales.returns', '--inactive', '--yes', '--json']);
    expect(registered.code).toBe(0);
    expect(JSON.parse(registered.stdout)).toMatchObject({ failed: 0 });
    const rows = await adminSql('SELECT full_name, active FROM ucbridge.registry.registered_objects ORDER BY full_name');
    expect(rows.some((r) => r.full_name === 'main.sales.orders' && r.active === false)).toBe(true);
    expect(rows.some((r) => r.full_name === 'main.sales.returns')).toBe(false);

    await adminSql('ALTER TABLE main.sales.orders ADD COLUMN coupon STRING');
    await adminSql('DROP TABLE main.sales.stores');
    const diff = await cli(['metadata', 'diff', '--json']);
    expect(diff.code).toBe(0);
    expect(JSON.parse(diff.stdout)).toEqual({
      new: [],
      changed: [{ fullName: 'main.sales.orders', changes: [{ kind: 'column-added', column: 'coupon', type: 'string' }] }],
      dropped: ['main.sales.stores'],
    });
    const applied = await cli(['metadata', 'diff', '--apply', '--yes', '--json']);
    expect(applied.code).toBe(0);
    const after = await adminSql('SELECT full_name FROM ucbridge.registry.registered_objects');
    expect(after.some((r) => r.full_name === 'main.sales.stores')).toBe(false);
    expect(after).toHaveLength(rows.length - 1);
  }, SEVERAL_RUNS);

  it('publish-tags --out writes the script; --yes publishes; publishing again changes nothing', async () => {
    const tags = join(home, 'tags.json');
    await writeFile(tags, JSON.stringify([{ securable: 'main.sales.orders.coupon', tags: { pii: 'promo' } }]));
    const out = join(home, 'out');
    const written = await cli(['metadata', 'publish-tags', '--tags', tags, '--out', out]);
    expect(written.code).toBe(0);
    expect(await readFile(join(out, 'publish-tags.sql'), 'utf8')).toContain("ALTER TABLE `main`.`sales`.`orders` ALTER COLUMN `coupon` SET TAGS ('pii' = 'promo');");
    const published = await cli(['metadata', 'publish-tags', '--tags', tags, '--yes', '--json']);
    expect(published.code).toBe(0);
    expect(JSON.parse(published.stdout)).toMatchObject({ ran: 1, failed: 0 });
    const again = await cli(['metadata', 'publish-tags', '--tags', tags, '--yes', '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ ran: 0, failed: 0 });
    await writeFile(tags, JSON.stringify([{ securable: 'main.sales.orders', tags: { 'bad-key': 'x' } }]));
    const refused = await cli(['metadata', 'publish-tags', '--tags', tags, '--yes']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('contains one of . , - = / :');
  }, SEVERAL_RUNS);
});
