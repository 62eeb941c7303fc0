import type { AbacArg, AbacPolicy, TagCondition } from '../../catalog/abac/abac-model';
import { tagKeyOf, type PolicyArg } from '../../catalog/model';
import type { TableRef } from '../../catalog/resolve';
import type { Subject } from '../../catalog/subject';
import type { UnityCatalog } from '../../catalog/unity-catalog';

/**
 * ABAC policy evaluation for one reader and one table, as documented
 * (https://docs.databricks.com/gcp/en/data-governance/unity-catalog/abac/policy-evaluation): every policy on the
 * table, its schema or its catalog applies when the reader is in TO and not in EXCEPT (directly or through a
 * group), the WHEN condition holds on the table's tags (its own and inherited), and each MATCH COLUMNS condition
 * matches at least one column. The result is the same shape as a table-level mask or filter, so enforcement is
 * one mechanism. Governed tags: the sandbox treats every tag as governed (the docs require governed tags; the
 * sandbox has no account-level tag policies).
 */
export interface EffectiveMask {
  readonly column: string;
  readonly functionName: readonly [string, string, string];
  readonly using: readonly PolicyArg[];
  readonly source: string;
}

export interface EffectiveFilter {
  readonly functionName: readonly [string, string, string];
  readonly args: readonly PolicyArg[];
  readonly source: string;
}

const inList = (subject: Subject, list: readonly string[]): boolean => list.some((n) => subject.names.has(n.toLowerCase()));

function holds(tags: ReadonlyMap<string, string>, c: TagCondition): boolean {
  for (const [k, v] of tags) if (k.toLowerCase() === c.key.toLowerCase() && (c.value === null || v === c.value)) return true;
  return false;
}

export function effectiveAbac(uc: UnityCatalog, ref: TableRef, reader: Subject): { masks: EffectiveMask[]; filters: EffectiveFilter[] } {
  const masks: EffectiveMask[] = [];
  const filters: EffectiveFilter[] = [];
  if (!uc.abacEnabled) return { masks, filters };
  const policies: AbacPolicy[] = [...uc.abac.on('CATALOG', ref.catalog.id), ...uc.abac.on('SCHEMA', ref.schema.id), ...uc.abac.on('TABLE', ref.table.id)];
  if (policies.length === 0) return { masks, filters };
  const tableTags = new Map<string, string>();
  for (const key of [tagKeyOf({ kind: 'CATALOG', id: ref.catalog.id }), tagKeyOf({ kind: 'SCHEMA', id: ref.schema.id }), tagKeyOf({ kind: 'TABLE', id: ref.table.id })]) {
    for (const [k, v] of uc.acl.tagsOf(key)) tableTags.set(k, v);
  }
  const columnTags = new Map(ref.table.columns.map((c) => [c.name, uc.acl.tagsOf(tagKeyOf({ kind: 'COLUMN', id: ref.table.id, column: c.name }))]));
  const matching = (c: TagCondition) => ref.table.columns.filter((col) => holds(columnTags.get(col.name)!, c)).map((col) => col.name);
  for (const p of policies) {
    if (!inList(reader, p.to) || inList(reader, p.except)) continue;
    if (p.when && !holds(tableTags, p.when)) continue;
    const matched = p.match.map((m) => ({ alias: m.alias?.toLowerCase() ?? null, columns: matching(m.condition) }));
    if (matched.some((m) => m.columns.length === 0)) continue;
    const bind = (alias: string) => matched.find((m) => m.alias === alias.toLowerCase())!.columns;
    const source = `${p.name} (policy on ${p.on.toLowerCase()})`;
    if (p.type === 'ROW_FILTER') {
      // Each alias binds to a matched column; with several matches the docs leave the choice open: the first.
      const args = p.using.map((u): PolicyArg => (u.kind === 'alias' ? { kind: 'column', name: bind(u.alias)[0]! } : { kind: 'literal', sql: u.sql }));
      filters.push({ functionName: p.functionName, args, source });
      continue;
    }
    for (const column of bind(p.onColumn!)) {
      const using = p.using.map((u: AbacArg): PolicyArg => (u.kind === 'alias' ? { kind: 'column', name: bind(u.alias)[0]! } : { kind: 'literal', sql: u.sql }));
      masks.push({ column, functionName: p.functionName, using, source });
    }
  }
  return { masks, filters };
}
