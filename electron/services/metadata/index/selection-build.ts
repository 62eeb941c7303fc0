import { compileSelection, tagSet, type Registration } from '../../../../shared/metadata/selection';
import type { SelectionRules } from '../../../../shared/metadata/selection-rules';
import { appendCells } from './row-router';
import type { MetadataIndex } from './metadata-index';

/** A registered table's fingerprint in the registry: its columns' and its tags' (so either change updates the row). */
export const registryFingerprint = (columnFp: unknown, tagFp: unknown): string | null =>
  columnFp === null || columnFp === undefined ? null : `c:${String(columnFp)};t:${String(tagFp ?? '')}`;

interface Row {
  readonly catalog: string;
  readonly schema: string | null;
  readonly name: string | null;
  readonly column_fp: string | null;
  readonly tag_fp: string | null;
  readonly tags: string | null;
}

/**
 * Evaluates the selection rules over the current snapshot, top-down (catalog, schema, table), and stores the
 * result in `selection`: what the registry should hold. The tree, coverage and the registration plan read it.
 */
export async function rebuildSelection(index: MetadataIndex, rules: SelectionRules): Promise<number> {
  const sel = compileSelection(rules);
  // One row per catalog, schema and table, in walking order; tables carry their own and their columns' tags. Streamed
  // (index.each): at 100,000 tables, reading them whole held them twice, in DuckDB and as JS objects.
  const sql = `
    SELECT catalog, NULL AS schema, NULL AS name, NULL AS column_fp, NULL AS tag_fp, NULL AS tags, 0 AS depth FROM catalogs
    UNION ALL SELECT catalog, schema, NULL, NULL, NULL, NULL, 1 FROM schemas
    UNION ALL SELECT t.catalog, t.schema, t.name, t.column_fp, t.tag_fp, g.tags, 2 FROM tables t LEFT JOIN (
      SELECT catalog, schema, table_name, string_agg(tag_name || chr(31) || coalesce(tag_value, ''), chr(30)) AS tags
      FROM tags WHERE kind IN ('TABLE', 'COLUMN') GROUP BY ALL) g ON g.catalog = t.catalog AND g.schema = t.schema AND g.table_name = t.name
    ORDER BY catalog, schema NULLS FIRST, depth, name`;
  const out: (Registration & { fingerprint: string | null })[] = [];
  let catalog: { parts: string[]; eff: boolean; registered: boolean } | undefined;
  let schema: { parts: string[]; eff: boolean | null; registered: boolean } | undefined;
  const closeSchema = () => {
    if (schema?.registered && schema.eff !== null) {
      out.push({ objectType: 'SCHEMA', parts: schema.parts, active: schema.eff, fingerprint: null });
      if (catalog) catalog.registered = true;
    }
    schema = undefined;
  };
  const closeCatalog = () => {
    closeSchema();
    if (catalog?.registered) out.push({ objectType: 'CATALOG', parts: catalog.parts, active: catalog.eff, fingerprint: null });
    catalog = undefined;
  };
  const visit = (r: Row): void => {
    if (r.schema === null) {
      closeCatalog();
      const parts = [r.catalog];
      catalog = { parts, eff: sel.effective(parts, undefined) ?? false, registered: sel.containerSelected(parts) };
    } else if (r.name === null) {
      closeSchema();
      const parts = [r.catalog, r.schema];
      const eff = catalog ? sel.effective(parts, catalog.eff) : null;
      schema = { parts, eff, registered: eff !== null && sel.containerSelected(parts) };
    } else if (schema && schema.eff !== null && schema.parts[0] === r.catalog && schema.parts[1] === r.schema) {
      const parts = [r.catalog, r.schema, r.name];
      const eff = sel.effective(parts, schema.eff);
      const tags = tagSet((r.tags ?? '').split('\u001e').filter(Boolean).map((t) => {
        const [key, value] = t.split('\u001f') as [string, string];
        return { key, value };
      }));
      if (eff !== null && sel.tableSelected(parts, tags)) {
        out.push({ objectType: 'TABLE', parts, active: eff, fingerprint: registryFingerprint(r.column_fp, r.tag_fp) });
        schema.registered = true;
      }
    }
  };
  await index.each(sql, [], (rows) => {
    for (const r of rows as unknown as readonly Row[]) visit(r);
  });
  closeCatalog();
  await index.exclusive(async (connect) => {
    const c = await connect();
    await c.run('DELETE FROM selection');
    const a = await c.createAppender('selection');
    for (const o of out) appendCells(a, ['v', 'v', 'v', 'v', 'b', 'v'], [o.objectType, o.parts[0]!, o.parts[1] ?? null, o.parts[2] ?? null, o.active, o.fingerprint]);
    a.flushSync();
    a.closeSync();
  });
  return out.length;
}
