import type { AbacPolicy, TagCondition } from '../../catalog/abac/abac-model';
import { duckString } from '../duck';
import type { Visibility } from './scope';

/**
 * INFORMATION_SCHEMA.ABAC_POLICY_DEFINITIONS (Public Preview,
 * https://docs.databricks.com/aws/en/sql/language-manual/information-schema/abac_policy_definitions): one row per
 * ABAC policy — POLICY_ID, POLICY_NAME, POLICY_TYPE, CATALOG_NAME, SCHEMA_NAME, SECURABLE_NAME, ON_SECURABLE_TYPE,
 * TO_PRINCIPALS, EXCEPT_PRINCIPALS, FOR_SECURABLE_TYPE, PRIVILEGES (NULL for row filters and masks),
 * WHEN_CONDITION, MATCH_COLUMNS, CREATED_BY — visible to whoever owns, or holds MANAGE on, the securable the policy
 * is attached to (the access pattern of DESCRIBE POLICY). The sandbox's policies are few, so they enter the query
 * as a VALUES list; names are resolved from the ids they are attached to, so a rename follows.
 */

const cond = (c: TagCondition): string => (c.value === null ? `hasTag('${c.key}')` : `hasTagValue('${c.key}', '${c.value}')`);
const list = (xs: readonly string[]): string => `[${xs.map(duckString).join(', ')}]::VARCHAR[]`;

const COLUMNS = ['policy_id', 'policy_name', 'policy_type', 'on_securable_type', 'on_id', 'to_principals', 'except_principals', 'when_condition', 'match_columns', 'created_by'];

function policyRows(policies: readonly AbacPolicy[]): string {
  if (policies.length === 0) {
    return `SELECT ${COLUMNS.map((c) => (c.endsWith('principals') || c === 'match_columns' ? `CAST(NULL AS VARCHAR[]) AS ${c}` : `CAST(NULL AS VARCHAR) AS ${c}`)).join(', ')} WHERE FALSE`;
  }
  const values = policies.map((p) =>
    `(${[
      duckString(`${p.on}:${p.onId}:${p.name.toLowerCase()}`), duckString(p.name), duckString(p.type), duckString(p.on), duckString(p.onId),
      list(p.to), list(p.except), p.when ? duckString(cond(p.when)) : 'NULL',
      list(p.match.map((m) => `${cond(m.condition)}${m.alias ? ` AS ${m.alias}` : ''}`)), duckString(p.createdBy),
    ].join(', ')})`,
  );
  return `SELECT * FROM (VALUES ${values.join(', ')}) AS v(${COLUMNS.join(', ')})`;
}

export const abacPolicyDefinitions = (v: Visibility): string => `
SELECT p.policy_id, p.policy_name, p.policy_type, c.name AS catalog_name, s.name AS schema_name, t.name AS securable_name,
  p.on_securable_type, p.to_principals, p.except_principals, 'TABLE' AS for_securable_type, CAST(NULL AS VARCHAR[]) AS privileges,
  p.when_condition, p.match_columns, p.created_by
FROM (${policyRows(v.scope.abacPolicies ?? [])}) p
LEFT JOIN uc.tables t ON p.on_securable_type = 'TABLE' AND t.id = p.on_id
LEFT JOIN uc.schemas s ON s.id = CASE p.on_securable_type WHEN 'SCHEMA' THEN p.on_id WHEN 'TABLE' THEN t.schema_id END
JOIN uc.catalogs c ON c.id = CASE p.on_securable_type WHEN 'CATALOG' THEN p.on_id ELSE s.catalog_id END
WHERE ${v.catalogScope()} AND ${v.managesAny(['t', 's', 'c'])}`;
