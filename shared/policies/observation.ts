/**
 * What the policy compiler needs to know about the workspace: the columns (types and tags) of the tables the
 * policies name or scope, the masks, row filters and ABAC policies already there, the functions in the
 * integration catalog's `policies` schema, the direct grants on the securables grant policies name, and whether
 * the workspace runs ABAC policies. Names are lower-case as Unity Catalog stores them (reference §0.1), column
 * names as the table declares them. `null` everywhere means offline: nothing observed.
 */
export type Parts3 = readonly [string, string, string];

export interface ObservedColumn {
  readonly name: string;
  /** `full_data_type` from information_schema.columns, e.g. `string`, `decimal(10,2)`. */
  readonly type: string;
  /** Column tags, key → value ('' for a key-only tag). */
  readonly tags: Readonly<Record<string, string>>;
}

export interface ObservedTable {
  readonly name: Parts3;
  /** information_schema.tables.table_type: masks and filters cannot go on a VIEW (reference §1.6). */
  readonly tableType: string;
  readonly columns: readonly ObservedColumn[];
}

export interface ObservedMask {
  readonly table: Parts3;
  readonly column: string;
  readonly fn: Parts3;
}

export interface ObservedFilter {
  readonly table: Parts3;
  readonly fn: Parts3;
}

export interface ObservedAbacPolicy {
  readonly on: 'CATALOG' | 'SCHEMA' | 'TABLE';
  readonly securable: readonly string[];
  readonly name: string;
  readonly type: string;
  readonly comment: string | null;
}

export interface ObservedPrincipalGrant {
  readonly securable: 'CATALOG' | 'SCHEMA' | 'TABLE' | 'VOLUME';
  readonly name: readonly string[];
  readonly principal: string;
  /** Direct (not inherited) privileges, SQL spelling. */
  readonly privileges: readonly string[];
}

export interface PolicyObservation {
  /** Keyed by lower-case `catalog.schema.table`. A table the policies name that is missing is absent here. */
  readonly tables: ReadonlyMap<string, ObservedTable>;
  readonly masks: readonly ObservedMask[];
  readonly filters: readonly ObservedFilter[];
  /** Functions in `<integration catalog>.policies`, lower-case name → comment. */
  readonly functions: ReadonlyMap<string, string | null>;
  /** ABAC policies on the securables the tag masks scope (ours and others', for the per-securable limit). */
  readonly abacPolicies: readonly ObservedAbacPolicy[];
  readonly grants: readonly ObservedPrincipalGrant[];
  /** Whether the workspace accepts ABAC policies (SHOW POLICIES answered); decided in validation. */
  readonly abac: boolean;
}

export const tableKey = (t: readonly string[]): string => t.slice(0, 3).map((p) => p.toLowerCase()).join('.');
