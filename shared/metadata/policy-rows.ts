import { quoteName } from '../sql/quote';

/**
 * ABAC policies. First choice: `system.information_schema.abac_policy_definitions`, every policy of the metastore
 * in one statement with its MATCH COLUMNS and WHEN conditions
 * (https://docs.databricks.com/aws/en/sql/language-manual/information-schema/abac_policy_definitions, Public
 * Preview). Where that view does not exist yet, `SHOW POLICIES ON CATALOG c` per catalog (Policy Name, Policy Type,
 * Catalog, Schema, Table, Comment: https://docs.databricks.com/gcp/en/sql/language-manual/sql-ref-syntax-aux-show-policies),
 * which lists only the catalog's own policies; the header's capitalisation is not documented, so it is read
 * case- and space-insensitively.
 */
export function policyDefinitionsStatement(): string {
  return `SELECT 'policy' AS kind, catalog_name AS s, schema_name AS t, securable_name AS n, policy_name AS v1, policy_type AS v2,
    on_securable_type AS v3, array_join(match_columns, chr(30)) AS v4, when_condition AS v5, CAST(NULL AS BIGINT) AS i1, CAST(NULL AS BIGINT) AS i2
  FROM system.information_schema.abac_policy_definitions WHERE policy_type IN ('ROW_FILTER', 'COLUMN_MASK')`;
}

export interface PolicyRow {
  readonly name: string;
  readonly policyType: string;
  readonly catalog: string;
  readonly schema: string | null;
  readonly table: string | null;
}

export const showPoliciesStatement = (catalog: string): string => `SHOW POLICIES ON CATALOG ${quoteName(catalog)}`;

const key = (k: string): string => k.toLowerCase().replace(/[\s_]/g, '');

/** One SHOW POLICIES row, or undefined when it lacks a name, type or catalog. */
export function policyRow(raw: Readonly<Record<string, unknown>>): PolicyRow | undefined {
  const cells = new Map(Object.entries(raw).map(([k, v]) => [key(k), typeof v === 'string' && v !== '' ? v : null]));
  const name = cells.get('policyname');
  const policyType = cells.get('policytype');
  const catalog = cells.get('catalog');
  if (!name || !policyType || !catalog) return undefined;
  return { name, policyType, catalog, schema: cells.get('schema') ?? null, table: cells.get('table') ?? null };
}
