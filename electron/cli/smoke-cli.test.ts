import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/start';
import { SMOKE_CASES } from '../services/smoke/cases';
import { runCliProcess } from './cli.test-support';

/** `ucbridge smoke` (and `npm run smoke`, which runs it) as a user runs it, against the sandbox. */
let emulator: RunningEmulator;
let home: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  emulator = await startEmulator({ log: () => undefined });
  home = await mkdtemp(join(tmpdir(), 'ucbridge-cli-smoke-'));
  env = { HOME: home, DATABRICKS_CONFIG_FILE: join(home, 'cfg'), NODE_EXTRA_CA_CERTS: emulator.caCertPath };
});
afterAll(async () => {
  await emulator?.stop();
  await rm(home, { recursive: true, force: true });
});

describe('ucbridge smoke', () => {
  it('prints the table and the JSON report, writes --report, and exits 0 when nothing failed', async () => {
    const admin = emulator.users.find((u) => u.admin)!;
    const report = join(home, 'smoke.json');
    const mark = emulator.requestLog.mark();
    const run = await runCliProcess(['smoke', '--host', emulator.workspaceUrl, '--report', report], { ...env, DATABRICKS_TOKEN: admin.token });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    for (const c of SMOKE_CASES) expect(run.stdout).toContain(c.id);
    expect(run.stdout).toMatch(/Nothing was written to the workspace\./);
    const written = JSON.parse(await readFile(report, 'utf8')) as { summary: { fail: number; error: number }; cases: unknown[] };
    expect(written.cases).toHaveLength(SMOKE_CASES.length);
    expect(written.summary.fail + written.summary.error).toBe(0);
    expect(run.stdout).not.toContain(admin.token);
    expect(emulator.requestLog.entries({ after: mark, kind: 'rest' }).filter((e) => e.method !== 'GET')).toEqual([]);
  });

  it('--json prints only the report', async () => {
    const run = await runCliProcess(['smoke', '--host', emulator.workspaceUrl, '--json'], { ...env, DATABRICKS_TOKEN: emulator.users.find((u) => !u.admin)!.token });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ workspace: { host: new URL(emulator.workspaceUrl).host }, identity: { workspaceAdmin: false } });
  });

  it('refuses a malformed --warehouse (exit 2)', async () => {
    const run = await runCliProcess(['smoke', '--host', emulator.workspaceUrl, '--warehouse', '../x'], { ...env, DATABRICKS_TOKEN: emulator.users[0]!.token });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--warehouse');
  });
});
