import { planHash } from '../integration/plan-hash';
import type { Plan, PlanStep } from '../integration/plan-types';
import { attributeKey, type AttributeRow, type MappingRow } from './mapping-rows';
import { deleteAttributesSql, deleteMappingSql, insertAttributesSql, insertMappingSql, updateAttributesSql, updateMappingSql } from './mapping-sql';

/** Rows per statement: 100,000 users become a few hundred statements, each far below the statement size limit. */
export const MAPPING_BATCH = 1_000;

export interface RowChanges<R> {
  readonly inserts: readonly R[];
  /** The row as it should be, with the row as it is (for the inverse). */
  readonly updates: readonly { readonly next: R; readonly previous: R }[];
  readonly deletes: readonly R[];
}

export interface MappingChanges {
  readonly mapping: RowChanges<MappingRow>;
  readonly attributes: RowChanges<AttributeRow>;
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Desired against observed by key, linear in both (a Map, not a nested loop); output sorted by key. Each row's key is
 * made once: the sort compares keys it already has (making them in the comparator cost 100,000 users ~6 s).
 */
export function diffRows<R>(desired: readonly R[], observed: readonly R[], key: (r: R) => string, same: (a: R, b: R) => boolean): RowChanges<R> {
  const have = new Map<string, R>();
  for (const r of observed) have.set(key(r), r);
  const want = new Map<string, R>();
  for (const r of desired) want.set(key(r), r);
  const inserts: [string, R][] = [];
  const updates: [string, { next: R; previous: R }][] = [];
  for (const [k, r] of want) {
    const prev = have.get(k);
    if (prev === undefined) inserts.push([k, r]);
    else if (!same(r, prev)) updates.push([k, { next: r, previous: prev }]);
  }
  const deletes = [...have].filter(([k]) => !want.has(k));
  const sorted = <T>(keyed: [string, T][]): T[] => keyed.sort((a, b) => byString(a[0], b[0])).map(([, value]) => value);
  return { inserts: sorted(inserts), updates: sorted(updates), deletes: sorted(deletes) };
}

export function mappingChanges(desired: { mapping: readonly MappingRow[]; attributes: readonly AttributeRow[] }, observed: { mapping: readonly MappingRow[]; attributes: readonly AttributeRow[] }): MappingChanges {
  return {
    mapping: diffRows(desired.mapping, observed.mapping, (r) => r.externalId, (a, b) => a.principal === b.principal && a.principalType === b.principalType && a.matchedBy === b.matchedBy),
    attributes: diffRows(desired.attributes, observed.attributes, attributeKey, (a, b) => a.value === b.value),
  };
}

const batches = <T>(xs: readonly T[]): T[][] => Array.from({ length: Math.ceil(xs.length / MAPPING_BATCH) }, (_, i) => xs.slice(i * MAPPING_BATCH, (i + 1) * MAPPING_BATCH));
const n = (count: number, what: string) => `${count} ${what}${count === 1 ? '' : 's'}`;

/**
 * The plan that writes a match: inserts, updates and deletes per table in batches, each step with its inverse, run
 * by step 2's engine (journal, resume, retries). Nothing to change means an empty plan.
 */
export function userMappingPlan(catalog: string, c: MappingChanges): Plan {
  const steps: PlanStep[] = [];
  const add = (id: string, sql: string, purpose: string, inverse: string, action: PlanStep['action']) => steps.push({ id, sql, purpose, dependsOn: [], inverse, action, target: 'main' });
  const m = c.mapping;
  batches(m.inserts).forEach((rows, i) => add(`users:mapping:insert:${i + 1}`, insertMappingSql(catalog, rows), `Map ${n(rows.length, 'user')} to their Databricks principals`, deleteMappingSql(catalog, rows.map((r) => r.externalId)), 'create'));
  batches(m.updates).forEach((rows, i) =>
    add(`users:mapping:update:${i + 1}`, updateMappingSql(catalog, rows.map((r) => r.next)), `Change the principal of ${n(rows.length, 'mapped user')}`, updateMappingSql(catalog, rows.map((r) => r.previous)), 'change'),
  );
  batches(m.deletes).forEach((rows, i) =>
    add(`users:mapping:delete:${i + 1}`, deleteMappingSql(catalog, rows.map((r) => r.externalId)), `Remove the mapping of ${n(rows.length, 'user')} no longer matched or no longer in the file`, insertMappingSql(catalog, rows), 'change'),
  );
  const a = c.attributes;
  batches(a.inserts).forEach((rows, i) => add(`users:attributes:insert:${i + 1}`, insertAttributesSql(catalog, rows), `Write ${n(rows.length, 'user attribute')}`, deleteAttributesSql(catalog, rows), 'create'));
  batches(a.updates).forEach((rows, i) =>
    add(`users:attributes:update:${i + 1}`, updateAttributesSql(catalog, rows.map((r) => r.next)), `Change ${n(rows.length, 'user attribute value')}`, updateAttributesSql(catalog, rows.map((r) => r.previous)), 'change'),
  );
  batches(a.deletes).forEach((rows, i) => add(`users:attributes:delete:${i + 1}`, deleteAttributesSql(catalog, rows), `Remove ${n(rows.length, 'user attribute')} no longer given`, insertAttributesSql(catalog, rows), 'change'));
  return { kind: 'setup', steps, hash: planHash('setup', steps) };
}

/** Counts for the preview: what the plan inserts, updates and deletes in each table. */
export const changeCounts = (c: MappingChanges) => ({
  mapping: { inserts: c.mapping.inserts.length, updates: c.mapping.updates.length, deletes: c.mapping.deletes.length },
  attributes: { inserts: c.attributes.inserts.length, updates: c.attributes.updates.length, deletes: c.attributes.deletes.length },
});
