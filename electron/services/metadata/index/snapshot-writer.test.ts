import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZERO_COUNTS, type SnapshotRecord } from '../../../../shared/metadata/snapshot';
import { openMetadataIndex } from './metadata-index';
import { beginSnapshot } from './snapshot-writer';
import { STAGE_EMPTY_FINGERPRINTS_SQL } from './stage-fingerprints';

/**
 * The writer inside DuckDB's memory limit. Packed tables are kilobytes a row (crawl-packing.ts), so a crawl of the
 * large seed appends a few hundred MB of text: appenders flushed every 50,000 rows, and DuckDB's automatic
 * checkpoints (which compress a whole row group of those rows in memory, outside the limit), ran the 64 MB index out
 * of memory. Here it takes 60,000 tables' packed columns, half again its limit in text, and commits them; the packed
 * stage must never reach the file (an automatic checkpoint mid-crawl wrote it there).
 */
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ucb-writer-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const TABLES = 60_000;
/** Twenty columns as the warehouse packs them: ordinal US name US type US nullable US (N | V comment), joined by RS. */
const packedColumns = (t: number): string =>
  Array.from({ length: 20 }, (_, k) => [k + 1, `column_${k}_of_table_${t}`, 'STRING', 'YES', `VA comment on column ${k} of table ${t}, long enough to matter`].join('\u001f')).join('\u001e');

const record = (id: string): SnapshotRecord => ({
  id, workspaceHost: 'h', crawledBy: 'me', source: 'sql', mode: 'full', startedAt: 0, finishedAt: 0, watermark: 0,
  counts: ZERO_COUNTS, blindSpots: [], statements: 0, requests: 0, auditIncluded: false,
});

// Over 96 MiB appended past a 64 MiB memory limit, so DuckDB spills: ~10 s alone, and 2 min passed at load 20 (a clean-clone
// run beside mutation testing). The limit is for a hang, not for a slow machine.
const HEAVY_TIMEOUT = 600_000;

describe('the snapshot writer', () => {
  it('commits more packed columns than its memory limit holds, and leaves none of the stage in the file', async () => {
    const path = join(dir, 'index.duckdb');
    const index = await openMetadataIndex(path);
    let bytes = 0;
    try {
      await index.exclusive(async (connect) => {
        const writer = await beginSnapshot(connect);
        for (let t = 0; t < TABLES; t++) {
          const payload = packedColumns(t);
          bytes += payload.length;
          writer.appendRows('lake', [{ kind: 'table_packed', s: `s${t % 50}`, t: `t${t}`, v1: 'MANAGED', v2: 'owner', v3: null, n: 'DELTA', i1: 1, i2: 2, v4: 'fp', v5: payload, i3: 20, i4: 0 } as never]);
        }
        writer.seal();
        await writer.unpack();
        await writer.commit(record('one'), []);
      });
      expect(bytes).toBeGreaterThan(1.5 * 64 * 1024 * 1024);
      expect(await index.query('SELECT count(*) AS n FROM columns')).toEqual([{ n: TABLES * 20 }]);
      expect(await index.query("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE 'stage_%'")).toEqual([{ n: 0 }]);
    } finally {
      await index.close();
    }
    // Checkpointed at commit: the log is empty, the file holds the snapshot (compressed, far below the text appended).
    const wal = await stat(`${path}.wal`).catch(() => null);
    expect(wal?.size ?? 0).toBe(0);
    expect((await stat(path)).size).toBeLessThan(bytes / 2);
  }, HEAVY_TIMEOUT);

  it('gives the empty fingerprint only to tables that have none (an update of every row would be rewritten at commit)', async () => {
    const index = await openMetadataIndex(join(dir, 'empty-fp.duckdb'));
    const row = (t: number, fp: string | null) => ({ kind: 'table_state', s: 's', t: `t${t}`, v1: 'MANAGED', v2: 'owner', v3: null, n: 'DELTA', i1: 1, i2: 2, v4: fp, v5: fp, i3: 0, i4: null }) as never;
    try {
      const changed = await index.exclusive(async (connect) => {
        const writer = await beginSnapshot(connect);
        writer.appendRows('a', [row(1, 'x'), row(2, null), row(3, 'y')]);
        writer.seal();
        const [r] = await writer.read(STAGE_EMPTY_FINGERPRINTS_SQL.replace(/;$/, ' RETURNING name'));
        const after = await writer.read('SELECT name, column_fp IS NOT NULL AND tag_fp IS NOT NULL AS done FROM stage_tables ORDER BY name');
        await writer.discard();
        return { r, after };
      });
      expect(changed.r).toEqual({ name: 't2' });
      expect(changed.after.map((x) => x.done)).toEqual([true, true, true]);
    } finally {
      await index.close();
    }
  });

  it('unpacks a catalog as soon as its statement ends, while other catalogs are still appended', async () => {
    const index = await openMetadataIndex(join(dir, 'per-catalog.duckdb'));
    const row = (t: number) => ({ kind: 'table_packed', s: 's', t: `t${t}`, v1: 'MANAGED', v2: 'owner', v3: null, n: 'DELTA', i1: 1, i2: 2, v4: 'fp', v5: packedColumns(t), i3: 20, i4: 0 }) as never;
    try {
      const seen = await index.exclusive(async (connect) => {
        const writer = await beginSnapshot(connect);
        writer.appendRows('a', [row(1), row(2)]);
        writer.appendRows('b', [row(3)]);
        await writer.unpackCatalog('a');
        const early = await writer.read('SELECT catalog, count(*) AS n FROM stage_columns GROUP BY ALL ORDER BY ALL');
        const packed = await writer.read('SELECT catalog, count(*) AS n FROM stage_packed GROUP BY ALL ORDER BY ALL');
        writer.appendRows('b', [row(4)]);
        writer.seal();
        await writer.unpack();
        await writer.commit(record('two'), []);
        return { early, packed };
      });
      // a's columns are in the stage and its packs gone; b's wait, packed, for the final unpack.
      expect(seen.early.map((r) => [r.catalog, Number(r.n)])).toEqual([['a', 40]]);
      expect(seen.packed.map((r) => [r.catalog, Number(r.n)])).toEqual([['b', 1]]);
      expect(await index.query('SELECT catalog, count(*) AS n FROM columns GROUP BY ALL ORDER BY ALL')).toEqual([{ catalog: 'a', n: 40 }, { catalog: 'b', n: 40 }]);
    } finally {
      await index.close();
    }
  });
});
