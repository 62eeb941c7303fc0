import { maskableType } from './column-types';
import { maskedExpression } from './function-sql';
import { joinDottedName } from './dotted-name';
import { tableKey, type ObservedColumn, type Parts3, type PolicyObservation } from './observation';
import type { ColumnMaskPolicy, GrantPolicy, MaskMethod, PolicySet, RowFilterPolicy } from './policy-model';
import { maskMethodLabel } from './policy-model';

/**
 * From policies to what Unity Catalog holds: one mask per column and one row filter per table (reference
 * §1.6–1.7), so policies that meet on a column or a table are merged here, and refused when they contradict
 * (overlapping ABAC masks would otherwise fail every query with MULTIPLE_MASKS:
 * https://docs.databricks.com/aws/error-messages/column-masks-feature-not-supported-error-class).
 */

export interface MaskTarget {
  readonly table: Parts3;
  readonly column: string;
  readonly type: string;
  readonly method: MaskMethod;
  readonly policies: readonly ColumnMaskPolicy[];
}

export interface FilterColumn {
  readonly name: string;
  readonly type: string;
}

export interface FilterTarget {
  readonly table: Parts3;
  /** The columns the filter reads, in the order the function takes them. */
  readonly columns: readonly FilterColumn[];
  readonly policies: readonly RowFilterPolicy[];
}

export interface AbacMaskTarget {
  readonly policy: ColumnMaskPolicy;
  readonly on: 'CATALOG' | 'SCHEMA';
  readonly securable: readonly string[];
}

export type GrantSecurable = 'CATALOG' | 'SCHEMA' | 'TABLE' | 'VOLUME';

export interface GrantTarget {
  readonly securable: GrantSecurable;
  readonly name: readonly string[];
  readonly principal: string;
  readonly privileges: readonly string[];
  readonly policies: readonly string[];
}

export interface Targets {
  readonly masks: readonly MaskTarget[];
  readonly filters: readonly FilterTarget[];
  readonly abacMasks: readonly AbacMaskTarget[];
  readonly grants: readonly GrantTarget[];
  readonly notes: readonly string[];
  readonly problems: readonly string[];
}

const same = (a: MaskMethod, b: MaskMethod): boolean => JSON.stringify(a) === JSON.stringify(b);
const colKey = (t: Parts3, c: string): string => `${tableKey(t)}.${c.toLowerCase()}`;

function tagMatches(policy: ColumnMaskPolicy, c: ObservedColumn): boolean {
  const tag = policy.tag!;
  const entry = Object.entries(c.tags).find(([k]) => k.toLowerCase() === tag.key.toLowerCase());
  return entry !== undefined && (tag.value === undefined || entry[1] === tag.value);
}

const inScope = (scope: readonly string[], t: Parts3): boolean => scope.every((p, i) => p === t[i]);

/** Looks a column up: its declared name and type, from the workspace or (offline) from the file's columnTypes. */
function resolveColumn(set: PolicySet, obs: PolicyObservation | null, table: Parts3, column: string, who: string, problems: string[]): { name: string; type: string } | undefined {
  const full = joinDottedName([...table, column]);
  if (obs === null) {
    const type = set.columnTypes[colKey(table, column)];
    if (type === undefined) problems.push(`${who}: the type of ${full} is not known offline; add "columnTypes": {"${full}": "<type>"} to the policy file, or plan while connected`);
    return type === undefined ? undefined : { name: column, type };
  }
  const t = obs.tables.get(tableKey(table));
  if (!t) {
    problems.push(`${who}: table ${joinDottedName(table)} was not found (or you cannot see it)`);
    return undefined;
  }
  if (t.tableType.toUpperCase() === 'VIEW') {
    problems.push(`${who}: ${joinDottedName(table)} is a view; Unity Catalog puts masks and row filters on tables only`);
    return undefined;
  }
  const c = t.columns.find((x) => x.name.toLowerCase() === column.toLowerCase());
  if (!c) problems.push(`${who}: table ${joinDottedName(table)} has no column "${column}"`);
  return c ? { name: c.name, type: c.type } : undefined;
}

function maskTargets(set: PolicySet, obs: PolicyObservation | null, notes: string[], problems: string[]): { masks: MaskTarget[]; abac: AbacMaskTarget[] } {
  const byColumn = new Map<string, { table: Parts3; column: string; type: string; policies: ColumnMaskPolicy[] }>();
  const abac: AbacMaskTarget[] = [];
  const add = (p: ColumnMaskPolicy, table: Parts3, col: { name: string; type: string }) => {
    const key = colKey(table, col.name);
    const entry = byColumn.get(key) ?? { table, column: col.name, type: col.type, policies: [] };
    entry.policies.push(p);
    byColumn.set(key, entry);
  };
  const useAbac = obs === null || obs.abac;
  for (const p of set.policies) {
    if (p.type !== 'columnMask') continue;
    const who = `policy "${p.name}"`;
    if (p.columns) {
      for (const c of p.columns) {
        const table = [c[0]!, c[1]!, c[2]!] as const;
        const col = resolveColumn(set, obs, table, c[3]!, who, problems);
        if (col) add(p, table, col);
      }
      continue;
    }
    const scope = p.scope!;
    const tagged = obs === null ? [] : [...obs.tables.values()].filter((t) => inScope(scope, t.name) && t.tableType.toUpperCase() !== 'VIEW').flatMap((t) => t.columns.filter((c) => tagMatches(p, c)).map((c) => ({ table: t.name, c })));
    const tagText = `${p.tag!.key}${p.tag!.value === undefined ? '' : ` = ${p.tag!.value}`}`;
    if (useAbac) {
      abac.push({ policy: p, on: scope.length === 1 ? 'CATALOG' : 'SCHEMA', securable: scope });
      // An ABAC mask function is written once for every matched column, as STRING: other types cannot take it.
      const nonString = tagged.filter(({ c }) => !/^(string|varchar|char)/i.test(c.type));
      if (nonString.length > 0 && p.method !== 'nullify') {
        problems.push(`${who}: ${maskMethodLabel(p.method)} masks text, but the tag ${tagText} is also on ${nonString.map(({ table, c }) => `${joinDottedName([...table, c.name])} (${c.type})`).join(', ')}; use "nullify", or mask those columns by name`);
      }
      continue;
    }
    notes.push(`${who}: this workspace does not run ABAC policies, so the mask is set on each column tagged ${tagText} in ${joinDottedName(scope)} now (${tagged.length} found); columns tagged later need the policies applied again`);
    for (const { table, c } of tagged) add(p, table, { name: c.name, type: c.type });
  }
  const masks: MaskTarget[] = [];
  for (const e of byColumn.values()) {
    const [first, ...rest] = e.policies;
    const clash = rest.find((p) => !same(p.method, first!.method));
    const where = joinDottedName([...e.table, e.column]);
    if (clash) {
      problems.push(`policies "${first!.name}" and "${clash.name}" both mask ${where}, one by ${maskMethodLabel(first!.method)} and one by ${maskMethodLabel(clash.method)}; Unity Catalog allows one mask per column, so choose one`);
      continue;
    }
    const type = maskableType(e.type);
    if (type === undefined) {
      problems.push(`policy "${first!.name}": ${where} is of type ${e.type}; masks are written for scalar types only (mask the fields you need in another way)`);
      continue;
    }
    if (maskedExpression(first!.method, type) === undefined) {
      // A mask must return its column's type (reference §1.5): a hash or a tail of text is no number or date.
      problems.push(`policy "${first!.name}": ${maskMethodLabel(first!.method)} works on text columns, and ${where} is ${e.type}; use "redact" or "nullify" for it`);
      continue;
    }
    masks.push({ table: e.table, column: e.column, type, method: first!.method, policies: e.policies });
  }
  // Two masks reaching one column through ABAC fail every query on it (MULTIPLE_MASKS): refuse at plan instead. Views
  // are left out, as by the tag expansion above: a policy `FOR TABLES` reaches tables, materialized views and streaming
  // tables (https://docs.databricks.com/aws/en/data-governance/unity-catalog/abac/, CREATE POLICY), and a view reads
  // its tables' masks through them.
  if (obs !== null) {
    for (const a of abac) {
      for (const t of obs.tables.values()) {
        if (!inScope(a.securable, t.name) || t.tableType.toUpperCase() === 'VIEW') continue;
        for (const c of t.columns) {
          if (!tagMatches(a.policy, c)) continue;
          const where = joinDottedName([...t.name, c.name]);
          const explicit = byColumn.get(colKey(t.name, c.name));
          if (explicit) problems.push(`policies "${a.policy.name}" and "${explicit.policies[0]!.name}" would both mask ${where} (by tag and by name); Unity Catalog refuses two masks on one column`);
          const other = abac.find((b) => b !== a && b.policy.name < a.policy.name && inScope(b.securable, t.name) && tagMatches(b.policy, c));
          if (other) problems.push(`policies "${other.policy.name}" and "${a.policy.name}" would both mask ${where} through its tags; Unity Catalog refuses two masks on one column`);
        }
      }
    }
  }
  return { masks, abac };
}

function filterTargets(set: PolicySet, obs: PolicyObservation | null, problems: string[]): FilterTarget[] {
  const byTable = new Map<string, { table: Parts3; columns: FilterColumn[]; policies: RowFilterPolicy[] }>();
  for (const p of set.policies) {
    if (p.type !== 'rowFilter') continue;
    const table = [p.table[0]!, p.table[1]!, p.table[2]!] as const;
    const found = resolveColumn(set, obs, table, p.column, `policy "${p.name}"`, problems);
    if (!found) continue;
    // The type goes into the function's parameter list unquoted: only the scalar types column-types.ts accepts.
    const type = maskableType(found.type);
    if (type === undefined) {
      problems.push(`policy "${p.name}": ${joinDottedName([...table, found.name])} is of type ${found.type}; row filters are written for scalar columns only`);
      continue;
    }
    const col = { name: found.name, type };
    const e = byTable.get(tableKey(table)) ?? { table, columns: [], policies: [] };
    if (!e.columns.some((c) => c.name.toLowerCase() === col.name.toLowerCase())) e.columns.push(col);
    for (const other of e.policies) {
      if (!('groupValues' in p.match) || !('groupValues' in other.match) || other.column.toLowerCase() !== p.column.toLowerCase()) continue;
      for (const [g, values] of Object.entries(p.match.groupValues)) {
        const theirs = Object.entries(other.match.groupValues).find(([k]) => k.toLowerCase() === g.toLowerCase())?.[1];
        if (theirs && JSON.stringify([...theirs].sort()) !== JSON.stringify([...values].sort())) {
          problems.push(`policies "${other.name}" and "${p.name}" give group "${g}" different values of ${joinDottedName([...table, col.name])} (${theirs.join(', ')} / ${values.join(', ')}); Unity Catalog allows one row filter per table, so say it once`);
        }
      }
    }
    e.policies.push(p);
    byTable.set(tableKey(table), e);
  }
  return [...byTable.values()];
}

const VOLUME_PRIVILEGES = new Set(['READ VOLUME', 'WRITE VOLUME']);

function grantSecurable(p: GrantPolicy): GrantSecurable {
  if (p.securableType) return p.securableType.toUpperCase() as GrantSecurable;
  if (p.securable.length === 1) return 'CATALOG';
  if (p.securable.length === 2) return 'SCHEMA';
  return p.privileges.some((x) => VOLUME_PRIVILEGES.has(x)) ? 'VOLUME' : 'TABLE';
}

function grantTargets(set: PolicySet, problems: string[]): GrantTarget[] {
  const byKey = new Map<string, { securable: GrantSecurable; name: readonly string[]; principal: string; privileges: Set<string>; policies: string[] }>();
  for (const p of set.policies) {
    if (p.type !== 'grant') continue;
    const securable = grantSecurable(p);
    const expected = { CATALOG: 1, SCHEMA: 2, TABLE: 3, VOLUME: 3 }[securable];
    if (p.securable.length !== expected) {
      problems.push(`policy "${p.name}": field "securable" names a ${p.securable.length}-part object but "securableType" is ${securable.toLowerCase()}`);
      continue;
    }
    for (const principal of p.principals) {
      const key = JSON.stringify([securable, p.securable, principal.toLowerCase()]);
      const e = byKey.get(key) ?? { securable, name: p.securable, principal, privileges: new Set<string>(), policies: [] };
      for (const x of p.privileges) e.privileges.add(x);
      e.policies.push(p.name);
      byKey.set(key, e);
    }
  }
  return [...byKey.values()].map((e) => ({ ...e, privileges: [...e.privileges] }));
}

export function resolveTargets(set: PolicySet, obs: PolicyObservation | null): Targets {
  const notes: string[] = [];
  const problems: string[] = [];
  const { masks, abac } = maskTargets(set, obs, notes, problems);
  const filters = filterTargets(set, obs, problems);
  const grants = grantTargets(set, problems);
  return { masks, filters, abacMasks: abac, grants, notes, problems };
}
