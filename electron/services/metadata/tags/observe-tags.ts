import type { TableFilter } from '../../../../shared/metadata/crawl-statements';
import { ownerKey, type TagObservation } from '../../../../shared/metadata/tag-plan';
import { currentTagsStatement } from '../../../../shared/metadata/tag-statements';
import { parseTarget, targetKey, type TagAssignment, type TagTarget } from '../../../../shared/metadata/tags-file';
import type { SqlSession } from '../../connection/types';
import type { MetadataIndex } from '../index/metadata-index';

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/**
 * What a tag plan is made against: which named objects exist (from the index: the crawl knows them, and whether a
 * table is a view) and the tags they carry now (from the workspace, fresh).
 */
export async function observeTags(index: MetadataIndex, session: SqlSession, assignments: readonly TagAssignment[], signal: AbortSignal): Promise<TagObservation> {
  const targets = assignments.map((a) => parseTarget(a.securable)).filter((t): t is TagTarget => typeof t !== 'string');
  const objects = new Map<string, string | null>();
  const catalogs = [...new Set(targets.map((t) => t.parts[0]!))];
  if (catalogs.length === 0) return { tags: new Map(), objects };
  const known = await index.query(
    `SELECT 'CATALOG' AS kind, catalog AS c, NULL AS s, NULL AS t, NULL AS type FROM catalogs WHERE catalog IN (SELECT unnest(string_split($1, chr(30))))
     UNION ALL SELECT 'SCHEMA', catalog, schema, NULL, NULL FROM schemas WHERE catalog IN (SELECT unnest(string_split($1, chr(30))))
     UNION ALL SELECT 'TABLE', catalog, schema, name, table_type FROM tables WHERE catalog IN (SELECT unnest(string_split($1, chr(30))))`,
    [catalogs.join('\u001e')],
  );
  const parts = (r: Record<string, unknown>) => [r.c, r.s, r.t].filter((x) => x !== null && x !== undefined).map(String);
  for (const r of known) objects.set(targetKey({ kind: r.kind as TagTarget['kind'], parts: parts(r), column: null }), str(r.type));
  const tables = new Map<string, Map<string, string[]>>();
  for (const t of targets) {
    if (t.kind !== 'TABLE' && t.kind !== 'COLUMN') continue;
    if (!objects.has(ownerKey(t))) continue;
    const [c, s, n] = t.parts as [string, string, string];
    const bySchema = tables.get(c) ?? new Map<string, string[]>();
    bySchema.set(s, [...new Set([...(bySchema.get(s) ?? []), n])]);
    tables.set(c, bySchema);
  }
  // Columns of the tables named: a tag on a column that is not there is refused at plan, not at apply.
  for (const [c, bySchema] of tables) {
    for (const [s, names] of bySchema) {
      const cols = await index.query('SELECT table_name, name FROM columns WHERE catalog = $1 AND schema = $2 AND table_name IN (SELECT unnest(string_split($3, chr(30))))', [c, s, names.join('\u001e')]);
      for (const r of cols) objects.set(targetKey({ kind: 'COLUMN', parts: [c, s, String(r.table_name)], column: String(r.name) }), null);
    }
  }
  const tags = new Map<string, Map<string, string>>();
  for (const r of await session.execute(currentTagsStatement(catalogs, tables as ReadonlyMap<string, TableFilter>), { signal })) {
    const key = targetKey({ kind: r.kind as TagTarget['kind'], parts: parts(r), column: str(r.col) });
    const m = tags.get(key) ?? new Map<string, string>();
    m.set(String(r.k), String(r.v ?? ''));
    tags.set(key, m);
  }
  return { tags, objects };
}
