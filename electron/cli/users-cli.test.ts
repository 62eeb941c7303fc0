import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../emulator/start';
import { startCliSandbox, type CliSandbox } from './cli-sandbox.test-support';
import { runCliInTerminal } from './cli.test-support';

/** `ucbridge users …` as users run them (the bundle, stdin not a terminal unless said), on the demo sandbox with the sample file. */
const SEVERAL_RUNS = 180_000;
const SAMPLE = resolve(__dirname, '../../samples/governance-users.csv');
const MARCUS = 'marcus.dangelo@lakeside.example';
let sandbox: CliSandbox;
let home: string;
let emulator: RunningEmulator;
let config: string;

const cli = (args: string[]) => sandbox.cli(args);
const file = (name: string, content: unknown) => sandbox.file(name, content);
const adminSql = (sql: string) => sandbox.adminSql(sql);
type Json = Record<string, unknown>;
const ids = (list: unknown): string[] => (list as Json[]).map((x) => x.id as string);

beforeAll(async () => {
  sandbox = await startCliSandbox('ucbridge-cli-users-');
  ({ home, emulator, config } = sandbox);
  // The mapping tables as step 2 makes them (shared/integration/integration-objects.ts).
  await adminSql('CREATE CATALOG IF NOT EXISTS ucbridge');
  await adminSql('CREATE SCHEMA IF NOT EXISTS ucbridge.entitlements');
  await adminSql('CREATE TABLE IF NOT EXISTS ucbridge.entitlements.principal_attributes (principal STRING, attribute STRING, value STRING, updated_at TIMESTAMP)');
  await adminSql('CREATE TABLE IF NOT EXISTS ucbridge.entitlements.user_mapping (external_id STRING, principal STRING, principal_type STRING, matched_by STRING, updated_at TIMESTAMP)');
});
afterAll(() => sandbox?.close());

describe('ucbridge users match', () => {
  it('--json: the sample file in every bucket, each match with its rule; --strict exits 1 while one is left', async () => {
    const r = await cli(['users', 'match', '--json', '--config', config, '--users', SAMPLE]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, Json[]>;
    expect(Object.keys(out)).toEqual(['matched', 'unmatched', 'ambiguous', 'orphans', 'inactive']);
    expect(out.matched!.find((m) => m.id === 'imm-u-1003')).toEqual({ id: 'imm-u-1003', principal: 'jose.nunez@lakeside.example', principalType: 'user', matchedBy: 'userName' });
    expect(out.matched!.find((m) => m.id === 'imm-u-1002')).toMatchObject({ principal: 'siobhan.obrien@lakeside.example', matchedBy: 'email' });
    expect(out.matched!.find((m) => m.id === 'imm-g-2002')).toEqual({ id: 'imm-g-2002', principal: 'data-analysts', principalType: 'group', matchedBy: 'displayName' });
    expect(ids(out.matched)).toEqual(['imm-g-2002', 'imm-g-2005', 'imm-u-1001', 'imm-u-1002', 'imm-u-1003', 'imm-u-1004', 'imm-u-1005', 'imm-u-1007', 'imm-u-1008']);
    // The team mailbox is on two people in two case variants.
    expect(out.ambiguous).toEqual([
      {
        id: 'imm-u-1006',
        reason: '2 principals match by email',
        candidates: [
          { principal: MARCUS, principalType: 'user' },
          { principal: 'zoe.muller@lakeside.example', principalType: 'user' },
        ],
      },
    ]);
    expect(out.unmatched).toEqual([{ id: 'imm-u-1010', reason: 'No Databricks user matches it' }]);
    expect(ids(out.inactive)).toEqual(['imm-u-1009']);
    expect(out.orphans).toContainEqual({ principal: 'finance-analysts', principalType: 'group' });
    expect(out.orphans).toContainEqual({ principal: emulator.servicePrincipals[0]!.applicationId, principalType: 'servicePrincipal' });
    expect(out.orphans!.map((o) => o.principal)).not.toContain(MARCUS);

    expect((await cli(['users', 'match', '--strict', '--config', config, '--users', SAMPLE])).code).toBe(1);
    const text = await cli(['users', 'match', '--config', config, '--users', SAMPLE]);
    expect(text.stdout).toContain(`AMBIGUOUS  imm-u-1006: 2 principals match by email (${MARCUS}, zoe.muller@lakeside.example)`);
    expect(text.stdout).toContain('9 matched, 1 unmatched, 1 ambiguous');
  }, SEVERAL_RUNS);

  it('--overrides settles users by hand (null: nobody), so --strict passes; an unknown id is a warning', async () => {
    const overrides = await file('overrides.json', { 'imm-u-1006': MARCUS, 'imm-u-1010': null, 'imm-u-9999': 'x@lakeside.example' });
    const r = await cli(['users', 'match', '--json', '--strict', '--config', config, '--users', SAMPLE, '--overrides', overrides]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, Json[]>;
    expect(out.matched!.find((m) => m.id === 'imm-u-1006')).toEqual({ id: 'imm-u-1006', principal: MARCUS, principalType: 'user', matchedBy: 'manual' });
    expect(out.ambiguous).toEqual([]);
    expect(out.unmatched).toEqual([{ id: 'imm-u-1010', reason: 'Set to match nobody by a manual choice' }]);
    expect(r.stderr).toContain('"imm-u-9999", which is not an id in the users file');
  }, SEVERAL_RUNS);

  it('bad input is exit 2: no --users, a file with problems (by line), overrides that are not JSON or not a map of names', async () => {
    expect((await cli(['users', 'match', '--config', config])).code).toBe(2);
    const broken = await file('broken.csv', 'id,email,active\nu1,a@x.example,true\n,b@x.example,true\nu1,c@x.example,maybe\n');
    const r = await cli(['users', 'match', '--config', config, '--users', broken]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('line 3: "id" is empty');
    expect(r.stderr).toContain('line 4:');
    expect(r.stdout).toBe('');
    const notJson = await cli(['users', 'match', '--config', config, '--users', SAMPLE, '--overrides', await file('o1.json', '{nope')]);
    expect(notJson).toMatchObject({ code: 2, stderr: expect.stringContaining('is not JSON') });
    const wrong = await cli(['users', 'match', '--config', config, '--users', SAMPLE, '--overrides', await file('o2.json', { 'imm-u-1006': 42 })]);
    expect(wrong).toMatchObject({ code: 2, stderr: expect.stringContaining('"imm-u-1006" does not') });
    expect((await cli(['users', 'match', '--config', config, '--users', join(home, 'missing.csv')])).stderr).toContain('it does not exist');
  }, SEVERAL_RUNS);
});

describe('ucbridge users apply', () => {
  it('shows the plan and asks: "no" changes nothing; without a terminal it needs --yes', async () => {
    expect((await cli(['users', 'apply', '--config', config, '--users', SAMPLE])).code).toBe(2);
    const declined = await runCliInTerminal(['users', 'apply', '--config', config, '--users', SAMPLE], sandbox.cliEnv(), [['[y/N]', 'n']]);
    expect(declined.code).toBe(1);
    expect(declined.stdout).toContain('ucbridge.entitlements.user_mapping: 9 to insert, 0 to update, 0 to delete.');
    expect(declined.stdout).toContain('[create] Map 9 users to their Databricks principals');
    expect(declined.stdout).toContain('Nothing was changed.');
    expect(await adminSql('SELECT * FROM ucbridge.entitlements.user_mapping')).toEqual([]);
  }, SEVERAL_RUNS);

  it('before step 2 made the tables: exit 1 with what to do', async () => {
    const elsewhere = await file('elsewhere.json', { ...JSON.parse(await readFile(config, 'utf8')), catalog: 'not_set_up' });
    const r = await cli(['users', 'apply', '--yes', '--config', elsewhere, '--users', SAMPLE]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('ucbridge: The integration catalog not_set_up has no user mapping tables (entitlements.user_mapping, principal_attributes). Set up the integration first (step 2, or ucbridge apply), then write the mapping.\n');
  }, SEVERAL_RUNS);

  it('--yes writes the mapping and attributes, then has nothing to write; a changed file updates and deletes rows', async () => {
    const overrides = await file('apply-overrides.json', { 'imm-u-1006': MARCUS });
    const r = await cli(['users', 'apply', '--yes', '--json', '--config', config, '--users', SAMPLE, '--overrides', overrides]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ failed: 0, mapping: { inserts: 10, updates: 0, deletes: 0 } });
    const mapped = await adminSql('SELECT external_id, principal, matched_by FROM ucbridge.entitlements.user_mapping ORDER BY external_id');
    expect(mapped).toHaveLength(10);
    expect(mapped).toContainEqual({ external_id: 'imm-u-1006', principal: MARCUS, matched_by: 'manual' });
    const regions = await adminSql("SELECT principal, value FROM ucbridge.entitlements.principal_attributes WHERE attribute = 'region' ORDER BY principal");
    expect(regions).toContainEqual({ principal: MARCUS, value: 'LATAM' });
    expect(regions).toContainEqual({ principal: 'siobhan.obrien@lakeside.example', value: 'APAC' });

    const again = await cli(['users', 'apply', '--yes', '--config', config, '--users', SAMPLE, '--overrides', overrides]);
    expect(again).toMatchObject({ code: 0, stdout: 'The mapping and attributes are up to date: nothing to write.\n' });

    // Siobhán moves to EMEA; Priya leaves the file.
    const changed = (await readFile(SAMPLE, 'utf8')).replace("O'Brien,true,user,APAC", "O'Brien,true,user,EMEA").replace(/^imm-u-1001,.*\n/m, '');
    const next = await cli(['users', 'apply', '--yes', '--json', '--config', config, '--users', await file('changed.csv', changed), '--overrides', overrides]);
    expect(next.code).toBe(0);
    expect(JSON.parse(next.stdout)).toMatchObject({ failed: 0, mapping: { inserts: 0, updates: 0, deletes: 1 }, attributes: { inserts: 0, updates: 1, deletes: 2 } });
    expect(await adminSql("SELECT value FROM ucbridge.entitlements.principal_attributes WHERE principal = 'siobhan.obrien@lakeside.example' AND attribute = 'region'")).toEqual([{ value: 'EMEA' }]);
    expect(await adminSql("SELECT * FROM ucbridge.entitlements.user_mapping WHERE external_id = 'imm-u-1001'")).toEqual([]);
  }, SEVERAL_RUNS);
});
