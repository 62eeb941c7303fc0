import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import { benchConnection } from './lib/bench-connection';
import type { SandboxTarget } from './lib/large-sandbox';
import { peakRssMB } from './lib/peak-rss';
import { round } from './lib/report';
import { restPeerCrawl } from './lib/rest-peer';

/**
 * One measured part of `npm run bench -- crawl` (bench/crawl.ts says what each measures), run as
 * `node <bundle> MODE TARGET_JSON`; its one stdout line is the part's result. bench/crawl.ts bundles this file as
 * scripts/build-cli.mjs bundles the CLI (production dependencies left outside), so every part runs as plain Node on
 * bundled code, as the app and the CLI ship it, not under tsx, whose loader (a thread with a heap of its own, and
 * the TypeScript transform) added about 30 MB to each part's resident set.
 */
const CONCURRENCY = CATALOG_CONCURRENCY;

export interface PartResult {
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

const [mode, target] = process.argv.slice(2);
void part(mode!, JSON.parse(target!) as SandboxTarget).then(
  (r) => process.stdout.write(`${JSON.stringify({ ...r, seconds: round(r.seconds, 2) })}\n`),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
