import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMetadataIndex, type MetadataIndex } from './metadata-index';
import { beginSnapshot } from './snapshot-writer';
import { stageDiff } from './stage-diff';

/**
 * The re-crawl's diff at the large seed's size: 100,000 tables of 20 columns in the current snapshot, a stage with 1 %
 * of them changed (a column added, a tag set, dropped, dropped and created again, new tables beside them), compared
 * inside a memory limit below the app's (64 MB, metadata-index.ts). Its first form filtered the two million columns by
 * the candidates inside each branch of one statement and ran the 64 MB index out of memory after a 1 % change of the
 * large seed (the recrawl benchmark).
 */
let dir: string;
let index: MetadataIndex;
const TABLES = 100_000;
/**
 * Below the app's 64 MB: these rows are shorter than a real crawl's, so the limit is cut to where the first form of
 * the diff ran out (it needed more than 40 MB here; this one fits, the stage's two million columns included).
 */
const MEMORY_LIMIT_MB = 40;

const table = (i: number) => `t${i}`;
const cat = (i: number) => `lake_${i % 10}`;
const sch = (i: number) => `s${i % 1000}`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ucb-diff-'));
  const path = join(dir, 'index.duckdb');
  const setup = await openMetadataIndex(path);
  await setup.exclusive(async (connect) => {
    const c = await connect();
    const t = `(SELECT i, 'lake_' || CAST(i % 10 AS VARCHAR) AS catalog, 's' || CAST(i % 1000 AS VARCHAR) AS schema, 't' || CAST(i AS VARCHAR) AS name FROM range(${TABLES}) r(i))`;
    await c.run(`
      INSERT INTO catalogs SELECT DISTINCT catalog, 'admin', NULL, 0, 0 FROM ${t};
      INSERT INTO schemas SELECT DISTINCT catalog, schema, 'admin', NULL, 0, 0 FROM ${t};
      INSERT INTO tables SELECT catalog, schema, name, 'MANAGED', 'admin', 'a table of the lake', 'DELTA', 1, 1, 'c' || name, 'g' || name, 20 FROM ${t};
      INSERT INTO columns SELECT catalog, schema, name, 'column_' || CAST(k AS VARCHAR), k, 'STRING', 'a column of the lake', true FROM ${t}, range(20) c(k);
      INSERT INTO tags SELECT 'COLUMN', catalog, schema, name, 'column_3', 'pii', 'email' FROM ${t} WHERE i % 6 = 0;
      CHECKPOINT;`);
  });
  await setup.close();
  index = await openMetadataIndex(path, { memoryLimitMB: MEMORY_LIMIT_MB });
}, 300_000);
afterAll(async () => {
  await index.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the re-crawl diff at 100,000 tables', () => {
  it('finds exactly a 1 % change within the memory limit', async () => {
    // Every hundredth table changes, by i % 5 (in hundreds): 0 a column added, 1 a tag set, 2 dropped, 3 dropped and
    // created again (a later creation time), 4 a new table beside it.
    const changed = (k: number) => `i % 100 = 0 AND (i // 100) % 5 = ${k}`;
    const diff = await index.exclusive(async (connect) => {
      const writer = await beginSnapshot(connect);
      writer.seal();
      await writer.run(`
        INSERT INTO stage_catalogs SELECT * FROM catalogs; INSERT INTO stage_schemas SELECT * FROM schemas;
        INSERT INTO stage_tables SELECT t.* REPLACE (CASE WHEN ${changed(0)} THEN t.column_fp || '+' ELSE t.column_fp END AS column_fp,
            CASE WHEN ${changed(1)} THEN t.tag_fp || '+' ELSE t.tag_fp END AS tag_fp, CASE WHEN ${changed(3)} THEN 2 ELSE t.created END AS created)
          FROM tables t JOIN (SELECT i, 't' || CAST(i AS VARCHAR) AS name FROM range(${TABLES}) r(i)) r ON r.name = t.name WHERE NOT (${changed(2)});
        INSERT INTO stage_tables SELECT catalog, schema, name || '_new', table_type, owner, comment, data_source_format, 2, 2, column_fp, tag_fp, column_count
          FROM tables t JOIN (SELECT i, 't' || CAST(i AS VARCHAR) AS n FROM range(${TABLES}) r(i)) r ON r.n = t.name WHERE ${changed(4)};
        INSERT INTO stage_columns SELECT c.* FROM columns c SEMI JOIN stage_tables t ON t.catalog = c.catalog AND t.schema = c.schema AND t.name = c.table_name;
        INSERT INTO stage_columns SELECT catalog, schema, name, 'added', 21, 'STRING', NULL, true FROM stage_tables t WHERE t.column_fp LIKE '%+';
        INSERT INTO stage_tags SELECT g.* FROM tags g SEMI JOIN stage_tables t ON t.catalog = g.catalog AND t.schema = g.schema AND t.name = g.table_name;
        INSERT INTO stage_tags SELECT 'TABLE', catalog, schema, name, NULL, 'recrawl', 'v' FROM stage_tables t WHERE t.tag_fp LIKE '%+';`);
      const d = await stageDiff(writer);
      await writer.discard();
      return d;
    });
    const names = (k: number) => Array.from({ length: TABLES / 100 }, (_, j) => j * 100).filter((i) => (i / 100) % 5 === k).map((i) => `${cat(i)}.${sch(i)}.${table(i)}`).sort();
    const recreated = names(3);
    expect(diff.new.map((o) => o.fullName).sort()).toEqual([...recreated, ...names(4).map((n) => `${n}_new`)].sort());
    expect(diff.dropped.map((o) => o.fullName).sort()).toEqual([...names(2), ...recreated].sort());
    expect(diff.changed.map((o) => o.fullName).sort()).toEqual([...names(0), ...names(1)].sort());
    expect(diff.changed.find((o) => o.fullName === names(0)[0])!.changes).toEqual([{ kind: 'column-added', column: 'added', type: 'STRING' }]);
    expect(diff.changed.find((o) => o.fullName === names(1)[0])!.changes).toEqual([{ kind: 'tag-set', column: null, key: 'recrawl', from: null, to: 'v' }]);
  }, 300_000);
});
