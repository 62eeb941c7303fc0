import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '../emulator/start';
import { createPlanJournal, createSqlStepExecutor, listScheduleMakespan, runPlan } from '../electron/services/integration/apply';
import { syntheticPlan } from '../electron/services/integration/apply/synthetic-plan.test-support';
import { createLogger } from '../electron/logging';
import { openFileKeyValueStore, systemClock } from '../electron/node';
import { createTlsTrust } from '../electron/services/http/tls-trust';
import { createSqlFactory } from '../electron/services/sql/sql-factory';
import { warehouseCatalogSide } from '../electron/services/sql/sandbox-warehouse.test-support';
import { createTokenSource } from '../electron/services/vault/token-source';
import type { SqlSession } from '../electron/services/connection/types';
import type { Plan } from '../shared/integration/plan-types';
import { median, round } from './lib/report';

/**
 * `npm run bench -- apply`: a 2,000-step synthetic set-up plan (20 catalogs → 4 schemas each → 12 tables each,
 * with USE CATALOG / USE SCHEMA / SELECT grants hanging off every level; table grants trimmed to make exactly
 * 2,000) applied by runPlan with the SQL step executor, through the app's SQL factory and the real
 * `@databricks/sql` driver, with the journal on the file key-value store, against the sandbox warehouse adding
 * 50 ms to every statement (the faults `latency` knob: with direct results a DDL statement is one Thrift request,
 * so it is added exactly once per statement).
 *
 * idealSeconds: the makespan of the list schedule of the same DAG at the same concurrency with every step taking
 * exactly 50 ms and nothing else (listScheduleMakespan: workers take the ready step with the longest remaining
 * path). efficiency = idealSeconds / seconds; target ≥ 0.8 (product.md "Targets").
 *
 * The sandbox runs in this process and the apply in a child process, so each has its own event loop (2 cores).
 * The child trusts the sandbox CA through NODE_EXTRA_CA_CERTS, as the app trusts a real workspace through the
 * system store. `--custom-ca` hands the CA to the driver as `customCaCert` instead (the app's sandbox path): the
 * driver then builds a `ca` array of ~150 roots, and Node's https.Agent.getName joins it into the agent key on
 * every request, which costs milliseconds of CPU per statement (measured: ~7 ms).
 *
 * Options (bench/run.ts passes names only, so run it directly: `npx tsx bench/apply.ts --runs 3`):
 * --steps N (2000), --concurrency N (4), --sessions N (pool size, default = concurrency), --latency MS (50),
 * --runs N (1; `seconds` is then the median run, each on a fresh plan: the machine is shared and noisy),
 * --custom-ca. APPLY_PROF=<dir> writes a CPU profile of the apply process there (profile the sandbox side with
 * `node --cpu-prof --import tsx bench/apply.ts`).
 */
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
};
const STEPS = arg('--steps', 2000);
const CONCURRENCY = arg('--concurrency', 4);
const SESSIONS = arg('--sessions', CONCURRENCY);
const LATENCY_MS = arg('--latency', 50);
const CUSTOM_CA = process.argv.includes('--custom-ca');
const RUNS = arg('--runs', 1);

interface Target {
  readonly host: string;
  readonly httpPath: string;
  readonly token: string;
  readonly caPem: string;
}

interface RunFigures {
  readonly seconds: number;
  readonly roundTrips: number[];
  readonly retries: number;
  readonly sessions: number;
}

/** One apply of a fresh synthetic plan (its own prefix, so every run creates everything anew). */
async function applyOnce(plan: Plan, open: () => Promise<SqlSession>, dir: string): Promise<RunFigures> {
  const logger = createLogger({ level: 'error' });
  const kv = await openFileKeyValueStore({ dir, logger });
  const executor = createSqlStepExecutor({ openSession: open, maxSessions: SESSIONS });
  let retries = 0;
  // Each statement's round trip as the executor sees it: above 50 ms is driver, network and warehouse overhead;
  // the rest of any gap to the ideal is the scheduler's (slots left idle).
  const roundTrips: number[] = [];
  const timed: typeof executor.run = async (step, signal) => {
    const t0 = performance.now();
    await executor.run(step, signal);
    roundTrips.push(performance.now() - t0);
  };
  try {
    const started = performance.now();
    const result = await runPlan({ plan, executor: timed, journal: createPlanJournal(kv.store, 'apply-journal'), concurrency: CONCURRENCY, onStep: (e) => void (e.state === 'retrying' && retries++) });
    const seconds = (performance.now() - started) / 1000;
    if (result.failed > 0 || result.ran !== plan.steps.length) throw new Error(`the apply failed: ${result.failure?.message ?? `ran ${result.ran}`}`);
    return { seconds, roundTrips, retries, sessions: executor.sessionsOpened };
  } finally {
    await executor.close();
  }
}

/** The applies, in the child process; the target (with the sandbox token) arrives on stdin, never argv. */
async function client(): Promise<void> {
  const target = JSON.parse(await new Promise<string>((r) => createInterface({ input: process.stdin }).once('line', r))) as Target;
  const logger = createLogger({ level: 'error' });
  const trust = createTlsTrust(CUSTOM_CA ? target.caPem : undefined);
  const tokens = createTokenSource({ clock: systemClock, logger, initial: { accessToken: target.token, expiresAt: undefined }, persist: async () => undefined, onChange: () => undefined });
  const factory = createSqlFactory({ host: target.host, trust, tokens, logger, clock: systemClock });
  const dir = await mkdtemp(join(tmpdir(), 'ucbridge-bench-apply-'));
  // 106 steps per catalog before trimming: 20 catalogs for 2,000 steps.
  const planFor = (run: number): Plan => syntheticPlan({ prefix: `bench${run}`, catalogs: Math.ceil(STEPS / 100), schemasPerCatalog: 4, tablesPerSchema: 12, steps: STEPS });
  const idealSeconds = listScheduleMakespan(planFor(0).steps, CONCURRENCY, LATENCY_MS) / 1000;
  try {
    const all: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const f = await applyOnce(planFor(run), () => factory.open(target.httpPath), dir);
      all.push(f.seconds);
      const p95 = [...f.roundTrips].sort((a, b) => a - b)[Math.floor(f.roundTrips.length * 0.95)]!;
      const busy = f.roundTrips.reduce((a, b) => a + b, 0) / 1000 / (f.seconds * CONCURRENCY);
      console.log(`run ${run + 1}/${RUNS}: ${STEPS} steps in ${round(f.seconds, 2)} s (efficiency ${round(idealSeconds / f.seconds, 3)}) on ${f.sessions} session(s), ${f.retries} retries`);
      console.log(`  statement round trip: median ${round(median(f.roundTrips))} ms, p95 ${round(p95)} ms; slots busy ${round(100 * busy)}% of the run`);
    }
    const seconds = median(all);
    console.log(`trust: ${CUSTOM_CA ? 'customCaCert' : 'NODE_EXTRA_CA_CERTS'}; ideal (list schedule, ${LATENCY_MS} ms/step, concurrency ${CONCURRENCY}): ${idealSeconds} s${RUNS > 1 ? `; seconds is the median of ${RUNS} runs` : ''}`);
    console.log(JSON.stringify({ bench: 'apply', steps: STEPS, concurrency: CONCURRENCY, seconds: round(seconds, 2), idealSeconds: round(idealSeconds, 2), efficiency: round(idealSeconds / seconds, 3) }));
  } finally {
    await factory.closeAll();
    await trust.close();
    tokens.dispose();
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const emulator = await startEmulator({ catalogSide: warehouseCatalogSide, log: () => undefined });
  try {
    emulator.faults.set({ latencyMs: LATENCY_MS });
    const mark = emulator.requestLog.mark();
    const child = spawn(process.execPath, [...(process.env.APPLY_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.APPLY_PROF}`] : []), '--import', 'tsx', fileURLToPath(import.meta.url), '--client', ...process.argv.slice(2)], {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, NODE_EXTRA_CA_CERTS: emulator.caCertPath },
    });
    const target: Target = {
      host: new URL(emulator.workspaceUrl).host,
      httpPath: emulator.warehouses.find((w) => w.state === 'RUNNING')!.httpPath,
      token: emulator.users.find((u) => u.admin)!.token,
      caPem: emulator.caCertPem,
    };
    child.stdin.end(`${JSON.stringify(target)}\n`);
    // The child's result line must stay the last line: hold it back until the sandbox's own figure is printed.
    let resultLine = '';
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('{"bench"')) resultLine = line;
      else console.log(line);
    });
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    if (code !== 0 || resultLine === '') throw new Error(`the apply process exited with code ${code}`);
    // Time the sandbox itself spent per statement (the 50 ms included): the rest of a round trip is the client's
    // driver, TLS and the machine's scheduling.
    const server = emulator.requestLog.entries({ after: mark, kind: 'sql' }).map((e) => e.durationMs);
    console.log(`sandbox time per SQL request: median ${round(median(server))} ms over ${server.length} requests`);
    console.log(resultLine);
  } finally {
    await emulator.stop();
  }
}

const fail = (error: unknown): void => {
  console.error(error);
  process.exit(1);
};
if (process.argv.includes('--client')) void client().catch(fail);
else void main().catch(fail);
