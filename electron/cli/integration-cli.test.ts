import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxIntegrationJson } from './cli-sandbox.test-support';
import { startEmulator, type RunningEmulator } from '../../emulator/start';

/** The integration commands as users run them: bin/ucbridge.cjs spawned with Node (stdin a pipe: not a terminal). */
const BIN = resolve(__dirname, '../../bin/ucbridge.cjs');
/** Each run starts a Node process, a second or more on a busy machine: tests that spawn several get room. */
const SEVERAL_RUNS = 120_000;
let home: string;

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'ucbridge-cli-int-'));
});
afterAll(() => rm(home, { recursive: true, force: true }));

function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH, HOME: home, DATABRICKS_CONFIG_FILE: join(home, 'cfg'), ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdin.end();
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

async function configFile(name: string, config: unknown): Promise<string> {
  const path = join(home, name);
  await writeFile(path, typeof config === 'string' ? config : JSON.stringify(config));
  return path;
}

const offlineConfig = {
  workspaceUrl: 'lakeside.cloud.databricks.com',
  httpPath: 'sql/1.0/warehouses/abc123',
  catalog: 'UCBridge',
  audit: { enabled: true },
  servicePrincipal: { applicationId: '5c0ffee0-0000-4000-8000-00000000beef' },
  manageScope: 'schema',
  governedCatalogs: ['main', 'we`ird'],
  governedSchemas: { main: ['sales', 'marketing'], 'We`ird': ['O`dd'] },
};

describe('offline', () => {
  it('export-script refuses (exit 2, nothing written) a governed catalog without a schema list, naming the field to add', async () => {
    const out = join(home, 'no-lists');
    const { governedSchemas: _lists, ...withoutLists } = offlineConfig;
    const run = await cli(['export-script', '--config', await configFile('no-lists.json', { ...withoutLists, governedSchemas: { main: ['sales'] } }), '--out', out]);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toContain('no schemas for governed catalog we`ird');
    expect(run.stderr).toContain('"governedSchemas":{"we`ird":["<schema>"');
    expect(run.stderr).toContain('SHOW SCHEMAS IN `we``ird`');
    await expect(readdir(out)).rejects.toThrow();
    // MANAGE on each catalog (the default) needs no list.
    const onCatalogs = await cli(['export-script', '--config', await configFile('no-lists-catalog.json', { ...withoutLists, manageScope: 'catalog' }), '--out', join(home, 'on-catalogs')]);
    expect(onCatalogs).toMatchObject({ code: 0, stderr: '' });
    expect(await readFile(join(home, 'on-catalogs', 'setup.sql'), 'utf8')).toContain('GRANT USE CATALOG, USE SCHEMA, SELECT, MODIFY, MANAGE ON CATALOG `we``ird` TO `5c0ffee0-0000-4000-8000-00000000beef`;');
  });

  it('export-script writes setup.sql, uninstall.sql and setup_notebook.sql with no workspace and no credentials', async () => {
    const out = join(home, 'scripts');
    const run = await cli(['export-script', '--config', await configFile('offline.json', offlineConfig), '--out', out]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect((await readdir(out)).sort()).toEqual(['setup.sql', 'setup_notebook.sql', 'uninstall.sql']);
    const setup = await readFile(join(out, 'setup.sql'), 'utf8');
    expect(setup).toContain('CREATE CATALOG IF NOT EXISTS `ucbridge`');
    expect(setup).toContain('ON CATALOG `we``ird` TO `5c0ffee0-0000-4000-8000-00000000beef`');
    expect(setup).toContain('GRANT MANAGE ON SCHEMA `we``ird`.`o``dd` TO `5c0ffee0-0000-4000-8000-00000000beef`;');
    expect(setup).not.toMatch(/MANAGE ON CATALOG/);
    expect((await readFile(join(out, 'setup_notebook.sql'), 'utf8')).startsWith('-- Databricks notebook source')).toBe(true);
  });

  it('bad input is exit 2 with one plain line: missing file, not JSON, schema problems, no --config, no --yes without a terminal', async () => {
    const missing = await cli(['validate', '--config', join(home, 'nope.json')]);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toMatch(/^ucbridge: Cannot read the config file .*nope\.json: it does not exist\./);
    expect(await cli(['plan', '--config', await configFile('broken.json', '{ "catalog": ')])).toMatchObject({ code: 2, stderr: expect.stringContaining('is not valid JSON') });
    const invalid = await cli(['plan', '--config', await configFile('invalid.json', { ...offlineConfig, catalog: '1abc', servicePrincipal: { applicationId: 'nope' } })]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('catalog: integration catalog: letters, digits and underscores');
    expect(invalid.stderr).toContain('servicePrincipal.applicationId: service principal: an application id (UUID)');
    expect(invalid.stderr.trim().split('\n')).toHaveLength(1);
    expect(await cli(['apply'])).toMatchObject({ code: 2, stderr: expect.stringContaining('needs --config FILE') });
    expect(await cli(['apply', '--config', await configFile('ok.json', offlineConfig)])).toMatchObject({ code: 2, stderr: expect.stringContaining('stdin is not a terminal') });
    expect(await cli(['export-script', '--config', await configFile('ok.json', offlineConfig)])).toMatchObject({ code: 2, stderr: expect.stringContaining('--out DIR') });
  }, SEVERAL_RUNS);
});

describe('against the sandbox', () => {
  let emulator: RunningEmulator;
  let env: NodeJS.ProcessEnv;
  const config = (over: object = {}) => ({ ...sandboxIntegrationJson(emulator), catalog: 'ucbridge_cli', ...over });

  beforeAll(async () => {
    emulator = await startEmulator({ log: () => undefined });
    // The service principal may use the warehouse, as the app's settings save arranges (validation checks it).
    const warehouse = emulator.warehouseRegistry.get(emulator.warehouses[0]!.id)!;
    const sp = emulator.servicePrincipals.find((s) => !s.admin)!.applicationId;
    emulator.warehouseRegistry.setAcl(warehouse.id, [...warehouse.acl, { kind: 'service-principal', name: sp, level: 'CAN_USE' }]);
    // Only a token: the host comes from the config's workspaceUrl.
    env = { NODE_EXTRA_CA_CERTS: emulator.caCertPath, DATABRICKS_TOKEN: emulator.users.find((u) => u.admin)!.token };
  });
  afterAll(() => emulator.stop());

  it('validate --json: {"tests":[{name,status,reason,fix}]}, exit 0 when nothing fails and 1 when something does', async () => {
    const good = await cli(['validate', '--json', '--config', await configFile('v1.json', config())], env);
    expect(good.code).toBe(0);
    const report = JSON.parse(good.stdout);
    expect(report.tests.length).toBeGreaterThan(5);
    for (const t of report.tests) expect(Object.keys(t)).toEqual(expect.arrayContaining(['name', 'status', 'reason', 'fix']));
    expect(report.tests.find((t: { id: string }) => t.id === 'basic-connection')).toMatchObject({ status: 'passed', fix: null });
    const bad = await cli(['validate', '--json', '--config', await configFile('v2.json', config({ governedCatalogs: ['missing_one'] }))], env);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).tests.find((t: { id: string }) => t.id === 'governed-catalog:missing_one')).toMatchObject({ status: 'failed', fix: { sql: 'CREATE CATALOG IF NOT EXISTS `missing_one`;' } });
  }, SEVERAL_RUNS);

  it('plan --json: {"steps":[{id,action,sql,purpose}]}; apply --yes runs it; then everything is unchanged; uninstall --yes removes it', async () => {
    const file = await configFile('p.json', config());
    const plan = await cli(['plan', '--json', '--config', file], env);
    expect(plan.code).toBe(0);
    const steps = JSON.parse(plan.stdout).steps as { id: string; action: string; sql: string; purpose: string }[];
    expect(steps.length).toBeGreaterThan(5);
    for (const s of steps) expect(s).toEqual({ id: expect.any(String), action: 'create', sql: expect.any(String), purpose: expect.any(String) });
    // MANAGE on the governed catalog by default.
    expect(steps.filter((s) => /\bMANAGE\b/.test(s.sql)).map((s) => s.id)).toEqual(['grant:sp:governed:main']);
    // With MANAGE per schema and no list in the file, the CLI reads the schemas from the workspace, as the app does…
    const perSchema = JSON.parse((await cli(['plan', '--json', '--config', await configFile('p-schema.json', config({ manageScope: 'schema' }))], env)).stdout).steps as { id: string; sql: string }[];
    expect(perSchema.map((s) => s.id)).toEqual(expect.arrayContaining(['grant:sp:governed:main:schema:sales', 'grant:sp:governed:main:schema:marketing']));
    expect(perSchema.filter((s) => s.sql.includes('MANAGE')).every((s) => s.sql.startsWith('GRANT MANAGE ON SCHEMA `main`.'))).toBe(true);
    // …and a list the file does have is the user's choice and is kept.
    const listed = JSON.parse((await cli(['plan', '--json', '--config', await configFile('p-listed.json', config({ manageScope: 'schema', governedSchemas: { main: ['sales'] } }))], env)).stdout).steps as { id: string }[];
    expect(listed.filter((s) => s.id.startsWith('grant:sp:governed:main:schema:')).map((s) => s.id)).toEqual(['grant:sp:governed:main:schema:sales']);

    // Without CAN_USE on the warehouse, the set-up gives it to the service principal (the CLI has no settings save).
    const warehouse = emulator.warehouseRegistry.get(emulator.warehouses[0]!.id)!;
    const sp = config().servicePrincipal.applicationId;
    emulator.warehouseRegistry.setAcl(warehouse.id, warehouse.acl.filter((e) => e.name !== sp));
    const apply = await cli(['apply', '--yes', '--config', file], env);
    expect(apply.code).toBe(0);
    expect(emulator.warehouseRegistry.get(warehouse.id)!.acl).toContainEqual({ kind: 'service-principal', name: sp, level: 'CAN_USE' });
    expect(apply.stdout).toMatch(/Set-up finished: \d+ ran, 0 skipped, 0 failed/);
    expect(apply.stdout).toContain('Manifest: /Volumes/ucbridge_cli/registry/staging/manifest.json');
    const again = JSON.parse((await cli(['plan', '--json', '--config', file], env)).stdout).steps as { action: string }[];
    expect(again.every((s) => s.action === 'unchanged')).toBe(true);

    const uninstall = await cli(['uninstall', '--yes', '--config', file], env);
    expect(uninstall.code).toBe(0);
    expect(uninstall.stdout).toMatch(/Uninstall finished: \d+ ran/);
    const after = JSON.parse((await cli(['plan', '--json', '--config', file], env)).stdout).steps as { action: string }[];
    expect(after.every((s) => s.action === 'create')).toBe(true);
  }, SEVERAL_RUNS);

  it('refuses credentials for another workspace than the config names (exit 2)', async () => {
    const run = await cli(['plan', '--config', await configFile('other.json', config({ workspaceUrl: 'https://elsewhere.cloud.databricks.com' })), '--host', emulator.workspaceUrl], env);
    expect(run).toMatchObject({ code: 2, stderr: expect.stringContaining('The integration settings are for elsewhere.cloud.databricks.com') });
  });

  it('apply also gives CAN_USE on an additional workspace\u2019s own warehouse on this host; uninstall --yes then removes the set-up', async () => {
    // A warehouse's permissions are its own (https://docs.databricks.com/api/workspace/warehouses/updatepermissions).
    const other = emulator.warehouses[1]!;
    const sp = config().servicePrincipal.applicationId;
    const file = await configFile('p-additional.json', config({ additionalWorkspaceConnections: [{ workspaceUrl: emulator.workspaceUrl, httpPath: other.httpPath, catalogs: ['analytics'] }] }));
    expect(emulator.warehouseRegistry.get(other.id)!.acl.filter((e) => e.name === sp)).toEqual([]);
    const apply = await cli(['apply', '--yes', '--config', file], env);
    expect(apply.code).toBe(0);
    expect(emulator.warehouseRegistry.get(other.id)!.acl).toContainEqual({ kind: 'service-principal', name: sp, level: 'CAN_USE' });
    expect((await cli(['uninstall', '--yes', '--config', file], env)).code).toBe(0);
  }, SEVERAL_RUNS);

  it('apply refuses (exit 1, nothing run) while validation fails; the warehouse CAN_USE it grants itself is only a warning', async () => {
    const sp = config().servicePrincipal.applicationId;
    const warehouse = emulator.warehouseRegistry.get(emulator.warehouses[0]!.id)!;
    emulator.warehouseRegistry.setAcl(warehouse.id, warehouse.acl.filter((e) => e.name !== sp));
    const file = await configFile('refused.json', config({ catalog: 'ucbridge_refused', governedCatalogs: ['missing_one'] }));
    const run = await cli(['apply', '--yes', '--config', file], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('FAIL  Governed catalog missing_one');
    expect(run.stderr).toContain('Refusing to apply: 1 validation test failed that the set-up cannot fix.');
    expect(run.stderr).toContain('--force');
    // The warehouse test is a warning the set-up resolves, not one of the failures.
    const report = JSON.parse((await cli(['validate', '--json', '--config', file], env)).stdout) as { tests: { id: string; status: string; reason: string }[] };
    expect(report.tests.find((t) => t.id === 'warehouse-access')).toMatchObject({ status: 'warning', reason: expect.stringMatching(/^Granted by the set-up: /) });
    expect(run.stderr).not.toContain('Service principal can use the warehouse');
    const plan = JSON.parse((await cli(['plan', '--json', '--config', file], env)).stdout) as { steps: { id: string; action: string }[] };
    expect(plan.steps.find((s) => s.id === 'catalog')!.action).toBe('create');
  }, SEVERAL_RUNS);

  it('--force applies despite failed validation; a failing apply is exit 1 (the service principal does not exist: the grant fails)', async () => {
    const file = await configFile('f.json', config({ catalog: 'ucbridge_fail', servicePrincipal: { applicationId: '00000000-0000-4000-8000-000000000000' } }));
    expect((await cli(['apply', '--yes', '--config', file], env)).stderr).toContain('Refusing to apply');
    const run = await cli(['apply', '--yes', '--force', '--config', file], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('applying although');
    expect(run.stdout).toMatch(/Set-up stopped: .*[1-9]\d* failed/);
    expect(run.stderr).toContain('Warning: ');
  });
});
