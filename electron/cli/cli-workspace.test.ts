import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/start';
import { quoteName } from '../../shared/sql/quote';
import { isUnsafeChar } from '../../shared/text/escape-control';
import { freePort } from '../services/oauth/loopback.test-support';
import { sandboxSql } from '../services/integration/observe/sandbox-sql.test-support';
import { runCliInTerminal, runCliProcess } from './cli.test-support';
import { readConfigFile } from './config-file';

/** The CLI against the sandbox, as a person runs it: on a terminal (a pty) where it asks, and with stdin a pipe. */
let emulator: RunningEmulator;
let home: string;
let env: NodeJS.ProcessEnv;
const SEVERAL_RUNS = 120_000;
// A schema name Unity Catalog accepts (no ASCII control character) that would reorder what a terminal shows.
const HOSTILE_SCHEMA = 'sales\u202e\u2066lanif\u0085';
const sp = () => emulator.servicePrincipals.find((s) => !s.admin)!;
const cli = (args: string[], extra: NodeJS.ProcessEnv = {}) => runCliProcess(args, { ...env, ...extra });
const inTerminal = (args: string[], answers: [string, string][]) => runCliInTerminal(args, env, answers);

async function configFile(name: string, over: object = {}): Promise<string> {
  const path = join(home, name);
  const config = { workspaceUrl: emulator.workspaceUrl, httpPath: emulator.warehouses[0]!.httpPath, catalog: 'ucbridge_ux', audit: { enabled: false }, servicePrincipal: { applicationId: sp().applicationId }, governedCatalogs: ['main'], ...over };
  await writeFile(path, JSON.stringify(config));
  return path;
}

beforeAll(async () => {
  emulator = await startEmulator({ log: () => undefined });
  home = await mkdtemp(join(tmpdir(), 'ucbridge-cli-ws-'));
  env = { HOME: home, DATABRICKS_CONFIG_FILE: join(home, 'cfg'), NODE_EXTRA_CA_CERTS: emulator.caCertPath, DATABRICKS_HOST: emulator.workspaceUrl, DATABRICKS_TOKEN: emulator.users.find((u) => u.admin)!.token };
  // The service principal may use the warehouse, as the app's settings save arranges (validation checks it).
  const warehouse = emulator.warehouseRegistry.get(emulator.warehouses[0]!.id)!;
  emulator.warehouseRegistry.setAcl(warehouse.id, [...warehouse.acl, { kind: 'service-principal', name: sp().applicationId, level: 'CAN_USE' }]);
  const sql = sandboxSql(emulator, emulator.users.find((u) => u.admin)!.userName, home);
  const session = await sql.open();
  await session.execute(`CREATE SCHEMA ${quoteName('main', HOSTILE_SCHEMA)}`);
  await session.close();
  await sql.close();
});
afterAll(async () => {
  await emulator.stop();
  await rm(home, { recursive: true, force: true });
});

describe('ucbridge init', () => {
  it('on a terminal: signs in, asks with lists from the workspace, re-asks a bad answer, and writes a config that validates', async () => {
    const out = join(home, 'asked.json');
    const run = await inTerminal(['init', '--out', out], [
      ['The warehouse the integration runs on', '1'],
      ['Name of the integration catalog', '9 bad name'],
      ['Name of the integration catalog', ''],
      ['The catalogs to govern', '1'],
      ['Turn on query audit', 'n'],
      ['The service principal the governance product runs as', sp().applicationId.toUpperCase()],
    ]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(`Signed in to ${emulator.workspaceUrl}`);
    expect(run.stdout).toMatch(/SQL warehouses:\n {2}1\. /);
    expect(run.stdout).toContain('integration catalog: letters, digits and underscores');
    expect(run.stdout).toMatch(/Catalogs:\n {2}1\. /);
    const config = await readConfigFile(out);
    const firstCatalog = /Catalogs:\n {2}1\. (\S+)/.exec(run.stdout)![1]!;
    expect(config).toMatchObject({ workspaceUrl: emulator.workspaceUrl, catalog: 'ucbridge', audit: { enabled: false }, servicePrincipal: { applicationId: sp().applicationId }, governedCatalogs: [firstCatalog] });
    expect(emulator.warehouses.map((w) => w.httpPath)).toContain(config.httpPath);
    const validate = await cli(['validate', '--config', out]);
    expect(validate.code, validate.stdout + validate.stderr).not.toBe(2);
  }, SEVERAL_RUNS);

  it('without a terminal: writes a commented example that is refused until its placeholders are filled, then validates', async () => {
    const out = join(home, 'example.json');
    const run = await cli(['init', '--out', out]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(`Wrote ${out}: an example config with comments. Replace every <placeholder>`);
    const example = await readFile(out, 'utf8');
    expect(example).toMatch(/^\/\/ /);
    const unfilled = await cli(['validate', '--config', out]);
    expect(unfilled).toMatchObject({ code: 2, stderr: expect.stringContaining('still has a placeholder in workspaceUrl') });
    const filled = example
      .replace('https://<workspace-host>', emulator.workspaceUrl)
      .replace('<warehouse-id>', emulator.warehouses[0]!.id)
      .replace('<service-principal-application-id>', sp().applicationId)
      .replaceAll('<catalog>', 'main');
    await writeFile(out, filled);
    const validate = await cli(['validate', '--json', '--config', out]);
    expect(validate.code, validate.stdout + validate.stderr).toBe(0);
    expect(JSON.parse(validate.stdout).status).not.toBe('failed');
  }, SEVERAL_RUNS);

  it('never overwrites a file (exit 2, before any question)', async () => {
    const out = join(home, 'taken.json');
    await writeFile(out, 'mine');
    const run = await cli(['init', '--out', out]);
    expect(run).toMatchObject({ code: 2, stderr: `ucbridge: Cannot write ${out}: it already exists, and ucbridge init never overwrites a file. Choose another --out, or move the file away.\n` });
    expect(await readFile(out, 'utf8')).toBe('mine');
  });
});

describe('answers that help', () => {
  it('declining the y/N question on a terminal exits 1 with "Nothing was changed." and no spinner', async () => {
    const file = await configFile('decline.json');
    const run = await inTerminal(['apply', '--config', file], [['[y/N]', 'n']]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Apply: run \d+ statements on 127\.0\.0\.1:\d+\? \[y\/N\] /);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('Nothing was changed.');
    expect(run.stdout).not.toMatch(/[\u2800-\u28ff]|[|/\\-][\b\r]/u);
    const plan = await cli(['plan', '--json', '--config', file]);
    expect((JSON.parse(plan.stdout).steps as { action: string }[]).every((s) => s.action === 'create')).toBe(true);
  }, SEVERAL_RUNS);

  it('uninstall prints what it drops before the y/N question; plan --uninstall --json marks that statement "drop"', async () => {
    const file = await configFile('drops.json', { catalog: 'ucbridge_drops' });
    expect((await cli(['apply', '--yes', '--config', file])).code).toBe(0);
    const plan = JSON.parse((await cli(['plan', '--uninstall', '--json', '--config', file])).stdout) as { kind: string; steps: { id: string; action: string; sql: string }[] };
    expect(plan.kind).toBe('uninstall');
    expect(plan.steps.filter((s) => s.action === 'drop')).toEqual([{ id: 'undo:catalog', action: 'drop', sql: 'DROP CATALOG IF EXISTS `ucbridge_drops` CASCADE', purpose: expect.any(String) }]);
    const run = await inTerminal(['uninstall', '--config', file], [['[y/N]', 'n']]);
    expect(run.code).toBe(1);
    const warning = run.stdout.indexOf('This drops the following; it cannot be undone:');
    expect(warning).toBeGreaterThan(0);
    const drop = run.stdout.indexOf('DROP CATALOG IF EXISTS `ucbridge_drops` CASCADE;', warning);
    expect(drop).toBeGreaterThan(warning);
    expect(run.stdout.indexOf('[y/N]')).toBeGreaterThan(drop);
    // Declined: the catalog is still there.
    expect((await cli(['plan', '--json', '--config', file])).stdout).not.toContain('"create"');
    expect((await cli(['uninstall', '--yes', '--config', file])).code).toBe(0);
  }, SEVERAL_RUNS);

  it('escapes a hostile schema name in the plan a person confirms; --json keeps the name', async () => {
    const file = await configFile('hostile.json', { manageScope: 'schema' });
    const text = await cli(['plan', '--config', file]);
    expect(text.code).toBe(0);
    expect([...text.stdout].filter((c) => c !== '\n' && isUnsafeChar(c))).toEqual([]);
    expect(text.stdout).toContain('`main`.`sales\\u202e\\u2066lanif\\u0085`');
    const json = await cli(['plan', '--json', '--config', file]);
    expect([...json.stdout].filter((c) => c !== '\n' && isUnsafeChar(c))).toEqual([]);
    const sqls = (JSON.parse(json.stdout).steps as { sql: string }[]).map((s) => s.sql);
    expect(sqls.some((s) => s.includes(`\`${HOSTILE_SCHEMA}\``))).toBe(true);
  }, SEVERAL_RUNS);

  it('validate --json: a fix is the SQL to run or the REST call to make (method, path, body), never an internal kind', async () => {
    const run = await cli(['validate', '--json', '--config', await configFile('audit.json', { audit: { enabled: true }, governedCatalogs: ['missing_one'] })]);
    const tests = JSON.parse(run.stdout).tests as { id: string; status: string; fix: unknown }[];
    for (const t of tests) if (t.fix !== null) expect(Object.keys(t.fix as object).sort()).toEqual(expect.arrayContaining([expect.stringMatching(/^(sql|rest|steps)$/)]));
    expect(tests.every((t) => t.fix === null || !('kind' in (t.fix as object)))).toBe(true);
    expect(tests.find((t) => t.id === 'governed-catalog:missing_one')!.fix).toEqual({ sql: 'CREATE CATALOG IF NOT EXISTS `missing_one`;', who: expect.any(String) });
    // The admin is the metastore admin: the set-up enables the schema itself, so this is a warning with the call.
    expect(tests.find((t) => t.id === 'system-schema:access')).toMatchObject({
      status: 'warning',
      fix: { rest: { method: 'PUT', path: `/api/2.1/unity-catalog/metastores/${emulator.sandbox.metastoreId}/systemschemas/access`, body: {} }, who: 'a metastore admin or an account admin' },
    });
  }, SEVERAL_RUNS);

  it('plan --json with query audit, as a metastore admin: enabling each system schema is a step of kind rest (method, path, metastore id); apply makes the calls', async () => {
    // SystemSchemas API: https://docs.databricks.com/api/workspace/systemschemas/enable (reference §3.4, R36).
    const file = await configFile('rest.json', { catalog: 'ucbridge_rest', audit: { enabled: true } });
    type Step = { id: string; action: string; kind?: string; method?: string; path?: string; body?: object; sql: string };
    const steps = (JSON.parse((await cli(['plan', '--json', '--config', file])).stdout) as { steps: Step[] }).steps;
    const base = `/api/2.1/unity-catalog/metastores/${emulator.sandbox.metastoreId}/systemschemas`;
    expect(steps.filter((s) => s.kind === 'rest')).toEqual([
      { id: 'system-schema:access', action: 'create', kind: 'rest', method: 'PUT', path: `${base}/access`, body: {}, sql: `PUT ${base}/access`, purpose: expect.stringContaining('system.access') },
      { id: 'system-schema:query', action: 'create', kind: 'rest', method: 'PUT', path: `${base}/query`, body: {}, sql: `PUT ${base}/query`, purpose: expect.stringContaining('system.query') },
    ]);
    const applied = await cli(['apply', '--yes', '--config', file]);
    expect(applied.code, applied.stderr).toBe(0);
    const again = (JSON.parse((await cli(['plan', '--json', '--config', file])).stdout) as { steps: Step[] }).steps;
    expect(again.every((s) => s.action === 'unchanged')).toBe(true);
    expect(again.filter((s) => s.kind === 'rest').map((s) => s.id)).toEqual(['system-schema:access', 'system-schema:query']);
    expect((await cli(['uninstall', '--yes', '--config', file])).code).toBe(0);
  }, SEVERAL_RUNS);

  it('the sign-in timeout message states the timeout used (--timeout)', async () => {
    const redirect = `http://localhost:${await freePort()}/callback`;
    const run = await cli(['whoami', '--auth-type', 'u2m', '--no-browser', '--timeout', '1', '--client-id', emulator.oauth.u2mClientId, '--redirect-uri', redirect], { DATABRICKS_TOKEN: '' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('ucbridge: Sign-in was not completed in the browser within 1 second.');
  });
});
