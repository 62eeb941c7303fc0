import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { median, report, round } from './lib/report';

/**
 * `npm run bench -- cli-startup`: how long `ucbridge` takes to start, as users run it (`node bin/ucbridge.cjs`, the
 * bundle out/cli/ucbridge.cjs), from spawn to exit:
 * - helpMs: median of `ucbridge --help` over 10 runs (target ≤ 300 ms);
 * - whoamiHelpMs: median of `ucbridge whoami --help` over 10 runs (target ≤ 300 ms);
 * - nodeMs: median of `node -e 0` over 10 runs, the floor on this machine (no target), so a noisy machine shows.
 * One unmeasured run of each first, so the file cache is warm as it is for anyone who runs the CLI twice.
 */
const RUNS = 10;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'ucbridge.cjs');

function timed(args: readonly string[]): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: root, env: { PATH: process.env.PATH, HOME: process.env.HOME }, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited ${run.status}: ${run.stderr.trim()}`);
  return ms;
}

function medianOf(args: readonly string[], label: string): number {
  timed(args);
  const runs = Array.from({ length: RUNS }, () => timed(args));
  console.log(`${label}: ${runs.map((ms) => Math.round(ms)).join(', ')} ms`);
  return round(median(runs));
}

// The bundle as installed, built from the sources as they are now.
const build = spawnSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs')], { stdio: 'inherit' });
if (build.status !== 0) throw new Error('building the CLI bundle failed');
const nodeMs = medianOf(['-e', '0'], 'node -e 0');
const helpMs = medianOf([bin, '--help'], 'ucbridge --help');
const whoamiHelpMs = medianOf([bin, 'whoami', '--help'], 'ucbridge whoami --help');
report({ bench: 'cli-startup', helpMs, whoamiHelpMs, nodeMs, targets: { helpMs: { max: 300 }, whoamiHelpMs: { max: 300 } } });
