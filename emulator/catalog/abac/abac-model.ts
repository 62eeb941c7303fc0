/**
 * ABAC row filter and column mask policies (https://docs.databricks.com/aws/en/sql/language-manual/sql-ref-syntax-ddl-create-policy):
 * named per securable (catalog, schema or table), applying to the principals in TO but not in EXCEPT, on the
 * tables under the securable whose columns meet the MATCH COLUMNS conditions.
 */
export type AbacOn = 'CATALOG' | 'SCHEMA' | 'TABLE';

/** `hasTag('k')` / `hasTagValue('k', 'v')` (also spelled has_tag / has_tag_value in the docs' examples). */
export interface TagCondition {
  readonly key: string;
  readonly value: string | null;
}

export type AbacArg = { readonly kind: 'alias'; readonly alias: string } | { readonly kind: 'literal'; readonly sql: string };

export interface AbacPolicy {
  readonly name: string;
  readonly on: AbacOn;
  /** Id of the catalog, schema or table entity it is defined on (names can change; ids do not). */
  readonly onId: string;
  readonly comment: string | null;
  readonly type: 'ROW_FILTER' | 'COLUMN_MASK';
  readonly functionName: readonly [string, string, string];
  readonly to: readonly string[];
  readonly except: readonly string[];
  /** WHEN: a condition on the table's tags (its own and inherited from schema and catalog). */
  readonly when: TagCondition | null;
  readonly match: readonly { readonly condition: TagCondition; readonly alias: string | null }[];
  /** COLUMN MASK only: the alias whose column is masked. */
  readonly onColumn: string | null;
  readonly using: readonly AbacArg[];
  readonly createdAt: number;
  readonly createdBy: string;
  readonly updatedAt: number;
  readonly updatedBy: string;
}

/** The documented quotas (https://docs.databricks.com/aws/en/data-governance/unity-catalog/abac/requirements). */
export const ABAC_QUOTAS = { perCatalogOrSchema: 100, perTable: 50, principalsPerClause: 20, matchConditions: 3 } as const;
