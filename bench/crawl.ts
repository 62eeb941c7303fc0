import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { enableSystemTables } from '../electron/services/metadata/metadata.test-support';
import type { PartResult } from './crawl-part';
import { benchConnection } from './lib/bench-connection';
import { serveLargeSandbox, spawnJson, type SandboxTarget } from './lib/large-sandbox';
import { report, round } from './lib/report';

/**
 * `npm run bench -- crawl`: a full metadata crawl of the `large` seed (100,000 tables × 20 columns, with tags,
 * grants, masks, filters and lineage) through the real driver into a real index, with the sandbox adding the same
 * latency to every request, REST and SQL alike (`--latency`, default 50 ms as the apply benchmark). Each part runs
 * in a process of its own, so `peakRssMB` is the crawl's process alone (target ≤ 300 MB, product.md), as plain Node
 * on a bundle of bench/crawl-part.ts built like the CLI's (the app ships bundled code; tsx's loader is not the app):
 * - `raw`: the crawl's own statements fetched through the driver (same sessions, concurrency and `fetchChunk` size)
 *   and thrown away — the rate the driver and sandbox allow;
 * - `crawl`: the crawl proper (rows streamed into DuckDB, unpacked, search terms, commit); both rates count the
 *   metadata rows delivered (tables, columns, tags, grants…: columns travel packed, one driver row per table), so
 *   ratioToRawFetch = raw seconds / crawl seconds over the same rows (target ≥ 0.8);
 * - `peer`: the reference's peer baseline (bench/lib/rest-peer.ts): DataHub-style REST (catalogs → schemas → tables,
 *   `max_results=0`, 8 workers) plus per-schema `*_tags` queries as OpenMetadata reads tags;
 *   speedupVsRestPeer = peer seconds / crawl seconds (target ≥ 5).
 * `peakRssMB` is the crawling process's peak when the crawl has committed; the picker's queries that follow it here
 * (selection rebuild, tree, search, coverage) are timed and their peak printed beside them.
 * Options (run directly: `npx tsx bench/crawl.ts …`): --scale-tables N, --scale-columns M, --latency MS.
 */
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
};
const TABLES = arg('--scale-tables', 100_000);
const COLUMNS = arg('--scale-columns', 20);
const LATENCY = arg('--latency', 50);
const SCRIPT = fileURLToPath(import.meta.url);

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'ucb-bench-'));
  // The measured parts run from a bundle, as the app and the CLI ship their code (crawl-part.ts says why). It sits
  // under out/, as the CLI's, so its production dependencies resolve from the project's node_modules.
  const bundle = join(dirname(SCRIPT), '..', 'out', 'bench', 'crawl-part.cjs');
  // @ts-expect-error: a plain ESM script without type declarations.
  const { buildCli } = (await import('../scripts/build-cli.mjs')) as { buildCli: (outfile: string, entry: string) => Promise<unknown> };
  await buildCli(bundle, join(dirname(SCRIPT), 'crawl-part.ts'));
  const sandbox = spawnJson<SandboxTarget>(SCRIPT, ['--serve', String(TABLES), String(COLUMNS), String(LATENCY), join(dir, 'ca.pem')]);
  try {
    const target = await sandbox.first;
    console.log(`sandbox: ${TABLES} tables × ${COLUMNS} columns seeded in ${target.seedSeconds} s, ${LATENCY} ms per request`);
    const env = { ...process.env, NODE_EXTRA_CA_CERTS: target.caPath };
    // System tables on for the audit summary: set-up, not measured, so it runs from source (its helper is test code).
    const setup = spawnJson<{ ok: true }>(SCRIPT, ['--setup', JSON.stringify(target)], env);
    await setup.first;
    setup.child.kill();
    const run = async (mode: string): Promise<PartResult> => {
      const child = spawnJson<PartResult>(bundle, [mode, JSON.stringify(target)], env);
      const r = await child.first;
      child.child.kill();
      console.log(`${mode}: ${JSON.stringify(r)}`);
      return r;
    };
    const raw = await run('raw');
    const crawl = await run('crawl');
    const peer = await run('peer');
    report({
      bench: 'crawl',
      tables: crawl.tables!,
      columns: crawl.columns!,
      seconds: round(crawl.seconds, 2),
      rowsPerSecond: Math.round(crawl.rows! / crawl.seconds),
      rawFetchRowsPerSecond: Math.round(crawl.rows! / raw.seconds),
      ratioToRawFetch: round(raw.seconds / crawl.seconds, 2),
      peakRssMB: crawl.peakRssMB,
      restPeerSeconds: round(peer.seconds, 2),
      speedupVsRestPeer: round(peer.seconds / crawl.seconds, 1),
      targets: { ratioToRawFetch: { min: 0.8 }, peakRssMB: { max: 300 }, speedupVsRestPeer: { min: 5 } },
    });
  } finally {
    sandbox.child.stdin!.end();
    await rm(dir, { recursive: true, force: true });
  }
}

const i = process.argv.indexOf('--serve');
if (i >= 0) {
  const [t, c, l, ca] = process.argv.slice(i + 1);
  void serveLargeSandbox({ tables: Number(t), columns: Number(c), latencyMs: Number(l), caPath: ca! });
} else if (process.argv.includes('--setup')) {
  const target = JSON.parse(process.argv[process.argv.indexOf('--setup') + 1]!) as SandboxTarget;
  void benchConnection(target)
    .then(({ connection }) => enableSystemTables(connection, target.metastoreId, target.httpPath))
    .then(() => process.stdout.write(`${JSON.stringify({ ok: true })}\n`))
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
} else {
  void main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
