import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { quoteName } from '../shared/sql/quote';
import { systemClock } from '../electron/node';
import { mapLimit } from '../electron/services/metadata/crawl/map-limit';
import { runCrawl } from '../electron/services/metadata/crawl/run-crawl';
import { openMetadataIndex } from '../electron/services/metadata/index/metadata-index';
import type { WorkspaceConnection } from '../electron/services/connection/types';
import { benchConnection } from './lib/bench-connection';
import { serveLargeSandbox, spawnJson, type SandboxTarget } from './lib/large-sandbox';
import { report, round } from './lib/report';

/**
 * `npm run bench -- recrawl`: a full crawl of the `large` seed, then 1 % of its tables changed through SQL — new
 * tables, added columns, new column tags, drops, and drops followed by a create under the same name — then the
 * incremental re-crawl, timed. `detectionRecall` is the share of those changes the diff reports exactly (target 1:
 * every change found); anything it reports beyond them is printed as a false positive (target: none).
 * Options (run directly): --scale-tables N (100,000), --latency MS (50, as the crawl benchmark).
 */
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
};
const TABLES = arg('--scale-tables', 100_000);
const LATENCY = arg('--latency', 50);
const SCRIPT = fileURLToPath(import.meta.url);

interface Expected {
  readonly new: string[];
  readonly changed: string[];
  readonly dropped: string[];
}

/** 1 % of the lake tables, spread evenly: a quarter get a column, a fifth a tag, a fifth are dropped, a tenth recreated, and as many new ones. */
async function change(connection: WorkspaceConnection, httpPath: string, tables: readonly (readonly [string, string, string])[]): Promise<Expected> {
  const total = Math.max(10, Math.floor(tables.length / 100));
  const step = Math.floor(tables.length / total);
  const picked = Array.from({ length: total }, (_, i) => tables[i * step]!);
  const expected: Expected = { new: [], changed: [], dropped: [] };
  const statements: string[] = [];
  picked.forEach(([c, s, t], i) => {
    const name = `${c}.${s}.${t}`;
    const q = quoteName(c, s, t);
    switch (i % 20) {
      case 0: case 1: case 2: case 3: case 4:
        statements.push(`ALTER TABLE ${q} ADD COLUMN recrawl_added STRING`);
        expected.changed.push(name);
        break;
      case 5: case 6: case 7: case 8:
        statements.push(`ALTER TABLE ${q} SET TAGS ('recrawl_tag' = 'v${i}')`);
        expected.changed.push(name);
        break;
      case 9: case 10: case 11: case 12:
        statements.push(`DROP TABLE ${q}`);
        expected.dropped.push(name);
        break;
      case 13: case 14:
        statements.push(`DROP TABLE ${q}`, `CREATE TABLE ${q} (id BIGINT, recreated STRING)`);
        expected.dropped.push(name);
        expected.new.push(name);
        break;
      default:
        statements.push(`CREATE TABLE ${quoteName(c, s, `${t}_recrawl_new`)} (id BIGINT)`);
        expected.new.push(`${c}.${s}.${t}_recrawl_new`);
    }
  });
  // Statements on the same table run in order on one session; different tables in parallel.
  const byTable = new Map<string, string[]>();
  for (const sql of statements) {
    const key = /`[^`]+`\.`[^`]+`\.`[^`]+`/.exec(sql)![0];
    byTable.set(key, [...(byTable.get(key) ?? []), sql]);
  }
  await mapLimit([...byTable.values()], 8, new AbortController().signal, async (list) => {
    const session = await connection.sql(httpPath);
    try {
      for (const sql of list) await session.execute(sql);
    } finally {
      await session.close();
    }
  });
  return expected;
}

async function part(target: SandboxTarget): Promise<{ changed: number; seconds: number; recall: number; falsePositives: string[] }> {
  const { connection } = await benchConnection(target);
  const dir = await mkdtemp(join(tmpdir(), 'ucb-bench-recrawl-'));
  const index = await openMetadataIndex(join(dir, 'index.duckdb'));
  const crawl = (mode: 'full' | 'incremental') =>
    runCrawl({ index, connection, httpPath: target.httpPath, audit: false, mode, source: 'sql', signal: new AbortController().signal, clock: systemClock, watermarkMarginMs: 0 });
  try {
    await crawl('full');
    const lake = (await index.query("SELECT catalog, schema, name FROM tables WHERE catalog LIKE 'lake%' ORDER BY ALL")).map((r) => [String(r.catalog), String(r.schema), String(r.name)] as const);
    const expected = await change(connection, target.httpPath, lake);
    const started = performance.now();
    const { diff } = await crawl('incremental');
    const seconds = (performance.now() - started) / 1000;
    const found = { new: new Set(diff!.new.map((o) => o.fullName)), changed: new Set(diff!.changed.map((o) => o.fullName)), dropped: new Set(diff!.dropped.map((o) => o.fullName)) };
    const all = [...expected.new.map((n) => ['new', n] as const), ...expected.changed.map((n) => ['changed', n] as const), ...expected.dropped.map((n) => ['dropped', n] as const)];
    const hit = all.filter(([kind, n]) => found[kind].has(n)).length;
    const want = { new: new Set(expected.new), changed: new Set(expected.changed), dropped: new Set(expected.dropped) };
    const falsePositives = (['new', 'changed', 'dropped'] as const).flatMap((k) => [...found[k]].filter((n) => !want[k].has(n)).map((n) => `${k} ${n}`));
    return { changed: all.length, seconds, recall: hit / all.length, falsePositives };
  } finally {
    await index.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'ucb-bench-'));
  const sandbox = spawnJson<SandboxTarget>(SCRIPT, ['--serve', String(TABLES), String(LATENCY), join(dir, 'ca.pem')]);
  try {
    const target = await sandbox.first;
    console.log(`sandbox: ${TABLES} tables seeded in ${target.seedSeconds} s, ${LATENCY} ms per request`);
    const child = spawnJson<{ changed: number; seconds: number; recall: number; falsePositives: string[] }>(SCRIPT, ['--part', JSON.stringify(target)], { ...process.env, NODE_EXTRA_CA_CERTS: target.caPath });
    const r = await child.first;
    child.child.kill();
    console.log(`false positives: ${r.falsePositives.length}${r.falsePositives.length ? ` (${r.falsePositives.slice(0, 5).join('; ')}…)` : ''}`);
    report({ bench: 'recrawl', changed: r.changed, seconds: round(r.seconds, 2), detectionRecall: round(r.recall, 4), targets: { detectionRecall: { min: 1 } } });
  } finally {
    sandbox.child.stdin!.end();
    await rm(dir, { recursive: true, force: true });
  }
}

const i = process.argv.indexOf('--serve');
if (i >= 0) {
  const [t, l, ca] = process.argv.slice(i + 1);
  void serveLargeSandbox({ tables: Number(t), columns: 20, latencyMs: Number(l), caPath: ca! });
} else if (process.argv.includes('--part')) {
  void part(JSON.parse(process.argv[process.argv.indexOf('--part') + 1]!) as SandboxTarget).then(
    (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
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
