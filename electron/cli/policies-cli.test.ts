import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCliSandbox, type CliSandbox } from './cli-sandbox.test-support';
import { runCliProcess } from './cli.test-support';

/** `ucbridge policies …` as users run them (the bundle, stdin not a terminal), against the sandbox. */
const SEVERAL_RUNS = 180_000;
let sandbox: CliSandbox;
let home: string;
const ANALYST = 'siobhan.obrien@lakeside.example';

const cli = (args: string[]) => sandbox.cli(args);
const file = (name: string, content: unknown) => sandbox.file(name, content);
const adminSql = (sql: string) => sandbox.adminSql(sql);

const POLICY_YAML = `policies:
  - name: orders-by-region
    type: rowFilter
    table: main.sales.orders
    column: region
    match: { userAttribute: region }
    exempt: [data-governance]
  - name: hash-emails
    type: columnMask
    method: hash
    columns: [main.sales.customers.email]
    exempt: [data-governance]
columnTypes:
  main.sales.orders.region: STRING
  main.sales.customers.email: STRING
`;

let config: string;
let policies: string;

beforeAll(async () => {
  sandbox = await startCliSandbox('ucbridge-cli-pol-');
  ({ home, config } = sandbox);
  policies = await file('policies.yaml', POLICY_YAML);
  // The integration catalog as step 2 makes it (the policies read user attributes from it).
  await adminSql('CREATE CATALOG IF NOT EXISTS ucbridge');
  for (const s of ['entitlements', 'policies', 'registry']) await adminSql(`CREATE SCHEMA IF NOT EXISTS ucbridge.${s}`);
  await adminSql('CREATE TABLE IF NOT EXISTS ucbridge.entitlements.principal_attributes (principal STRING, attribute STRING, value STRING, updated_at TIMESTAMP)');
  await adminSql('CREATE VOLUME IF NOT EXISTS ucbridge.registry.staging');
  await adminSql(`INSERT INTO ucbridge.entitlements.principal_attributes VALUES ('${ANALYST}', 'region', 'APAC', current_timestamp())`);
});
afterAll(() => sandbox?.close());

describe('ucbridge policies', () => {
  it('validate: exit 0 and {valid,problems} for a good file; exit 1 naming both policies for a contradiction; exit 2 without --policies', async () => {
    const good = await cli(['policies', 'validate', '--json', '--config', config, '--policies', policies]);
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({ valid: true, policies: 2, problems: [], abac: true });
    const clash = await file('clash.json', { policies: [{ name: 'a', type: 'columnMask', method: 'hash', columns: ['main.sales.customers.email'] }, { name: 'b', type: 'columnMask', method: 'nullify', columns: ['main.sales.customers.email'] }] });
    const bad = await cli(['policies', 'validate', '--config', config, '--policies', clash]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('FAIL  policies "a" and "b" both mask main.sales.customers.email');
    expect((await cli(['policies', 'plan', '--config', config])).code).toBe(2);
  }, SEVERAL_RUNS);

  it('plan --json has step 2\u2019s shape; apply --yes runs it; preview --json shows what the analyst gets; uninstall --yes removes it', async () => {
    const plan = await cli(['policies', 'plan', '--json', '--config', config, '--policies', policies]);
    expect(plan.code).toBe(0);
    const steps = JSON.parse(plan.stdout).steps as Record<string, unknown>[];
    expect(steps.length).toBe(6);
    for (const s of steps) expect(Object.keys(s).sort()).toEqual(['action', 'id', 'purpose', 'sql']);
    expect((await cli(['policies', 'apply', '--config', config, '--policies', policies])).code).toBe(2); // no terminal, no --yes
    const applied = await cli(['policies', 'apply', '--yes', '--json', '--config', config, '--policies', policies]);
    expect(applied.code).toBe(0);
    expect(JSON.parse(applied.stdout)).toMatchObject({ ran: 6, failed: 0 });

    const preview = await cli(['policies', 'preview', '--json', '--config', config, '--policies', policies, '--as', ANALYST, '--table', 'main.sales.orders', '--limit', '5']);
    expect(preview.code).toBe(0);
    const p = JSON.parse(preview.stdout) as { columns: string[]; rows: unknown[][]; hiddenRows: number };
    expect(p.rows).toHaveLength(5);
    expect(new Set(p.rows.map((r) => r[p.columns.indexOf('region')]))).toEqual(new Set(['APAC']));
    expect(p.hiddenRows).toBeGreaterThan(0);
    const text = await cli(['policies', 'preview', '--config', config, '--policies', policies, '--as', ANALYST, '--table', 'main.sales.customers', '--limit', '2']);
    expect(text.stdout).toContain(" | email* | ");
    expect((await cli(['policies', 'preview', '--config', config, '--policies', policies, '--as', 'nobody@x.example', '--table', 'main.sales.orders'])).code).toBe(1);

    const again = JSON.parse((await cli(['policies', 'plan', '--json', '--config', config, '--policies', policies])).stdout).steps as { action: string }[];
    expect(new Set(again.map((s) => s.action))).toEqual(new Set(['unchanged']));
    const removed = await cli(['policies', 'uninstall', '--yes', '--config', config, '--policies', policies]);
    expect(removed.code).toBe(0);
    expect(await adminSql("SELECT * FROM system.information_schema.row_filters WHERE catalog_name = 'main'")).toEqual([]);
  }, SEVERAL_RUNS);

  it('export-script writes both scripts offline (no token, a workspace that does not answer), the statements plan runs; without --out it is exit 2', async () => {
    const out = join(home, 'scripts');
    const nowhere = await file('offline.json', { ...JSON.parse(await readFile(config, 'utf8')), workspaceUrl: 'https://dbc-00000000-0000.cloud.databricks.com' });
    const offline = { HOME: home, DATABRICKS_CONFIG_FILE: join(home, 'none') };
    const r = await runCliProcess(['policies', 'export-script', '--config', nowhere, '--policies', policies, '--out', out], offline);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['policies_setup.sql', 'policies_uninstall.sql']);
    const statements = (await readFile(join(out, 'policies_setup.sql'), 'utf8')).split('\n').filter((l) => l.length > 0 && !l.startsWith('--')).map((l) => l.replace(/;$/, ''));
    // Nothing applied now (the test above uninstalled): plan --json lists every statement, the same as the script's.
    const planned = JSON.parse((await cli(['policies', 'plan', '--json', '--config', config, '--policies', policies])).stdout).steps as { sql: string }[];
    expect(statements).toEqual(planned.map((s) => s.sql));
    expect((await runCliProcess(['policies', 'export-script', '--config', nowhere, '--policies', policies], offline)).code).toBe(2);
  }, SEVERAL_RUNS);
});
