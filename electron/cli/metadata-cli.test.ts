import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/start';
import { sandboxQuery } from '../services/integration/observe/sandbox-sql.test-support';
import { runCliProcess } from './cli.test-support';

/** `ucbridge metadata …` as users run them (the bundle, stdin not a terminal), against the sandbox. */
const SEVERAL_RUNS = 180_000;
let home: string;
let data: string;
let emulator: RunningEmulator;
let env: NodeJS.ProcessEnv;
let config: string;

const cli = (args: string[]) => runCliProcess([...args, '--config', config, '--data-dir', data], { HOME: home, DATABRICKS_CONFIG_FILE: join(home, 'cfg'), ...env });
const adminSql = (sql: string) => sandboxQuery(emulator, emulator.users.find((u) => u.admin)!.userName, home, sql);

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'ucbridge-cli-meta-'));
  data = join(home, 'data');
  emulator = await startEmulator({ log: () => undefined });
  env = { NODE_EXTRA_CA_CERTS: emulator.caCertPath, DATABRICKS_TOKEN: emulator.users.find((u) => u.admin)!.token };
  config = join(home, 'integration.json');
  await writeFile(config, JSON.stringify({
    workspaceUrl: emulator.workspaceUrl,
    httpPath: emulator.warehouses[0]!.httpPath,
    catalog: 'ucbridge',
    audit: { enabled: false },
    servicePrincipal: { applicationId: emulator.servicePrincipals.find((s) => !s.admin)!.applicationId },
    governedCatalogs: ['main'],
  }));
  const setup = await runCliProcess(['apply', '--yes', '--config', config], { HOME: home, DATABRICKS_CONFIG_FILE: join(home, 'cfg'), ...env });
  if (setup.code !== 0) throw new Error(`set-up failed: ${setup.stderr}`);
}, 120_000);
afterAll(async () => {
  await emulator?.stop();
  await rm(home, { recursive: true, force: true });
});

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
