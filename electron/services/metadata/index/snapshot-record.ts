import { SnapshotRecordSchema, type SnapshotRecord } from '../../../../shared/metadata/snapshot';
import { DiffSchema, EMPTY_DIFF, type Diff, type Change } from '../../../../shared/metadata/diff';
import type { MetadataIndex } from './metadata-index';

/** The record of the snapshot the index holds, or null before the first crawl (or if it cannot be read). */
export async function currentSnapshot(index: MetadataIndex): Promise<SnapshotRecord | null> {
  const [row] = await index.query('SELECT record FROM snapshot LIMIT 1');
  if (!row || typeof row.record !== 'string') return null;
  try {
    return SnapshotRecordSchema.parse(JSON.parse(row.record));
  } catch {
    return null;
  }
}

/** What the crawl that made the current snapshot found against the one before it. */
export async function lastDiff(index: MetadataIndex): Promise<Diff> {
  const rows = await index.query('SELECT change, full_name, object_type, details FROM diff ORDER BY change, full_name');
  if (rows.length === 0) return EMPTY_DIFF;
  const parsed = DiffSchema.safeParse({
    new: rows.filter((r) => r.change === 'new').map((r) => ({ fullName: r.full_name, objectType: r.object_type })),
    dropped: rows.filter((r) => r.change === 'dropped').map((r) => ({ fullName: r.full_name, objectType: r.object_type })),
    changed: rows
      .filter((r) => r.change === 'changed')
      .map((r) => ({ fullName: r.full_name, objectType: r.object_type, changes: JSON.parse(String(r.details ?? '[]')) as Change[] })),
  });
  return parsed.success ? parsed.data : EMPTY_DIFF;
}
