import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogsStatement, catalogStatement } from '../shared/metadata/crawl-statements';
import { policyDefinitionsStatement } from '../shared/metadata/policy-rows';
import { auditStatement, lineageStatement } from '../shared/metadata/usage-statements';
import { systemClock } from '../electron/node';
import { onSessions } from '../electron/services/metadata/crawl/catalog-workers';
import { CATALOG_CONCURRENCY, runCrawl } from '../electron/services/metadata/crawl/run-crawl';
import { CRAWL_BATCH_ROWS } from '../electron/services/metadata/crawl/stream-statement';
import { openMetadataIndex } from '../electron/services/metadata/index/metadata-index';
import { rebuildSelection } from '../electron/services/metadata/index/selection-build';
import { coverage } from '../electron/services/metadata/queries/coverage';
import { search } from '../electron/services/metadata/queries/search';
import { treeChildren } from '../electron/services/metadata/queries/tree';
import { DEFAULT_SENSITIVE_TAGS } from '../shared/metadata/index-views';
import { SelectionRulesSchema } from '../shared/metadata/selection-rules';
import { enableSystemTables } from '../electron/services/metadata/metadata.test-support';
import { benchConnection } from './lib/bench-connection';
import { peakRssMB, serveLargeSandbox, spawnJson, type SandboxTarget } from './lib/large-sandbox';
import { report, round } from './lib/report';
import { restPeerCrawl } from './lib/rest-peer';

/**
 * `npm run bench -- crawl`: a full metadata crawl of the `large` seed (100,000 tables × 20 columns, with tags,
 * grants, masks, filters and lineage) through the real driver into a real index, with the sandbox adding the same
 * latency to every request, REST and SQL alike (`--latency`, default 50 ms as the apply benchmark). Each part runs
 * in a process of its own, so `peakRssMB` is the crawl's process alone (target ≤ 300 MB, product.md):
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
const CONCURRENCY = CATALOG_CONCURRENCY;
const SCRIPT = fileURLToPath(import.meta.url);

interface PartResult {
  readonly seconds: number;
  readonly rows?: number;
  readonly tables?: number;
  readonly columns?: number;
  readonly peakRssMB: number;
  readonly requests?: number;
  readonly statements?: number;
  readonly tags?: number;
}

async function part(mode: string, target: SandboxTarget): Promise<PartResult> {
  const connection = (await benchConnection(target)).connection;
  const signal = new AbortController().signal;
  if (mode === 'setup') {
    await enableSystemTables(connection, target.metastoreId, target.httpPath);
    return { seconds: 0, peakRssMB: await peakRssMB() };
  }
  const started = performance.now();
  if (mode === 'raw') {
    let rows = 0;
    const open = () => connection.sql(target.httpPath);
    const stream = async (session: Awaited<ReturnType<typeof open>>, sql: string) => {
      for await (const batch of session.stream(sql, { signal, batchSize: CRAWL_BATCH_ROWS })) rows += batch.length;
    };
    const catalogs: string[] = [];
    const first = await open();
    for await (const batch of first.stream(catalogsStatement(), { signal, batchSize: CRAWL_BATCH_ROWS })) {
      rows += batch.length;
      for (const r of batch) if (r.kind === 'catalog') catalogs.push(String(r.s));
    }
    await first.close();
    await onSessions({ items: catalogs, concurrency: CONCURRENCY, openSession: open, signal, clock: systemClock, work: (c, s) => stream(s, catalogStatement(c)) });
    const last = await open();
    for (const sql of [lineageStatement(), auditStatement(), policyDefinitionsStatement()]) await stream(last, sql);
    await last.close();
    return { seconds: (performance.now() - started) / 1000, rows, peakRssMB: await peakRssMB() };
  }
  if (mode === 'crawl') {
    const dir = await mkdtemp(join(tmpdir(), 'ucb-bench-crawl-'));
    const index = await openMetadataIndex(join(dir, 'index.duckdb'));
    try {
      const { record } = await runCrawl({ index, connection, httpPath: target.httpPath, audit: true, mode: 'full', source: 'sql', signal, clock: systemClock, concurrency: CONCURRENCY });
      if (record.blindSpots.length > 0) console.error(`blind spots: ${JSON.stringify(record.blindSpots)}`);
      const seconds = (performance.now() - started) / 1000;
      // The crawl's peak (the target), before the queries below add theirs.
      const crawlPeak = await peakRssMB();
      // What the picker asks of the index at this size, for the record (the picker benchmark measures the screen).
      // A query that fails is reported as such, not as a failed crawl: the crawl's figures above stand on their own.
      const time = async (what: string, work: () => Promise<unknown>) => {
        const t = performance.now();
        try {
          await work();
          return [what, Math.round(performance.now() - t)] as const;
        } catch (e) {
          return [what, `failed: ${(e as Error).message.split('\n')[0]}`] as const;
        }
      };
      const queries = [
        await time('selection rebuilt', () => rebuildSelection(index, SelectionRulesSchema.parse({ include: ['lake_01'] }))),
        await time('catalogs', () => treeChildren(index, [], undefined, 0, 500)),
        await time('schemas of lake_01', () => treeChildren(index, ['lake_01'], undefined, 0, 500)),
        await time('filtered by tag', () => treeChildren(index, ['lake_01'], { tag: { key: 'pii', value: 'email' } }, 0, 500)),
        await time('search "email"', () => search(index, { query: 'email', limit: 100 })),
        await time('search "sales_000123"', () => search(index, { query: 'sales_000123', limit: 100 })),
        await time('coverage', () => coverage(index, undefined, DEFAULT_SENSITIVE_TAGS)),
      ];
      console.error(`index queries (ms): ${JSON.stringify(Object.fromEntries(queries))}; peak RSS with them ${await peakRssMB()} MB`);
      // The metadata rows the crawl delivered (columns travel packed, so the driver sees far fewer).
      const c = record.counts;
      const rows = c.catalogs + c.schemas + c.tables + c.columns + c.tags + c.grants + c.masks + c.rowFilters + c.policies + c.lineageEdges + c.columnLineageEdges;
      return { seconds, rows, tables: c.tables, columns: c.columns, peakRssMB: crawlPeak };
    } finally {
      await index.close();
      await rm(dir, { recursive: true, force: true });
    }
  }
  const peer = await restPeerCrawl(connection.rest, () => connection.sql(target.httpPath));
  return { seconds: (performance.now() - started) / 1000, ...peer, peakRssMB: await peakRssMB() };
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'ucb-bench-'));
  const sandbox = spawnJson<SandboxTarget>(SCRIPT, ['--serve', String(TABLES), String(COLUMNS), String(LATENCY), join(dir, 'ca.pem')]);
  try {
    const target = await sandbox.first;
    console.log(`sandbox: ${TABLES} tables × ${COLUMNS} columns seeded in ${target.seedSeconds} s, ${LATENCY} ms per request`);
    const run = async (mode: string): Promise<PartResult> => {
      const child = spawnJson<PartResult>(SCRIPT, ['--part', mode, JSON.stringify(target)], { ...process.env, NODE_EXTRA_CA_CERTS: target.caPath });
      const r = await child.first;
      child.child.kill();
      console.log(`${mode}: ${JSON.stringify(r)}`);
      return r;
    };
    await run('setup');
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
} else if (process.argv.includes('--part')) {
  const at = process.argv.indexOf('--part');
  void part(process.argv[at + 1]!, JSON.parse(process.argv[at + 2]!) as SandboxTarget).then(
    (r) => process.stdout.write(`${JSON.stringify({ ...r, seconds: round(r.seconds, 2) })}\n`),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
} else {
  void main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
