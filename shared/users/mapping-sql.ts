import { TABLES } from '../integration/integration-objects';
import { quoteLiteral, quoteName } from '../sql/quote';
import type { AttributeRow, MappingRow } from './mapping-rows';

/**
 * Statements that keep `entitlements.user_mapping` and `entitlements.principal_attributes` in step with a match:
 * batched and idempotent — MERGE inserts only what is missing and sets values rather than adding to them, DELETE
 * removes by key — so a resumed or repeated apply changes nothing more. Rows travel as a UNION ALL of literal
 * SELECTs with every value through shared/sql/quote.ts, the form registration uses (shared/metadata/registry-sql.ts).
 */

const table = (catalog: string, name: 'user_mapping' | 'principal_attributes'): string => {
  const t = TABLES.find((x) => x.name === name)!;
  return quoteName(catalog, t.schema, t.name);
};

const union = (rows: readonly (readonly string[])[], names: readonly string[]): string =>
  rows.map((r, i) => (i === 0 ? `SELECT ${r.map((v, j) => `${v} AS ${names[j]}`).join(', ')}` : `SELECT ${r.join(', ')}`)).join(' UNION ALL ');

const mappingSource = (rows: readonly MappingRow[]): string =>
  union(rows.map((r) => [r.externalId, r.principal, r.principalType, r.matchedBy].map(quoteLiteral)), ['external_id', 'principal', 'principal_type', 'matched_by']);

const attributeSource = (rows: readonly AttributeRow[]): string =>
  union(rows.map((r) => [r.principal, r.attribute, r.value].map(quoteLiteral)), ['principal', 'attribute', 'value']);

export const insertMappingSql = (catalog: string, rows: readonly MappingRow[]): string =>
  `MERGE INTO ${table(catalog, 'user_mapping')} AS t USING (${mappingSource(rows)}) AS s ON t.external_id = s.external_id WHEN NOT MATCHED THEN INSERT (external_id, principal, principal_type, matched_by, updated_at) VALUES (s.external_id, s.principal, s.principal_type, s.matched_by, current_timestamp())`;

export const updateMappingSql = (catalog: string, rows: readonly MappingRow[]): string =>
  `MERGE INTO ${table(catalog, 'user_mapping')} AS t USING (${mappingSource(rows)}) AS s ON t.external_id = s.external_id WHEN MATCHED THEN UPDATE SET principal = s.principal, principal_type = s.principal_type, matched_by = s.matched_by, updated_at = current_timestamp()`;

export const deleteMappingSql = (catalog: string, externalIds: readonly string[]): string =>
  `DELETE FROM ${table(catalog, 'user_mapping')} WHERE external_id IN (${externalIds.map(quoteLiteral).join(', ')})`;

export const insertAttributesSql = (catalog: string, rows: readonly AttributeRow[]): string =>
  `MERGE INTO ${table(catalog, 'principal_attributes')} AS t USING (${attributeSource(rows)}) AS s ON t.principal = s.principal AND t.attribute = s.attribute WHEN NOT MATCHED THEN INSERT (principal, attribute, value, updated_at) VALUES (s.principal, s.attribute, s.value, current_timestamp())`;

export const updateAttributesSql = (catalog: string, rows: readonly AttributeRow[]): string =>
  `MERGE INTO ${table(catalog, 'principal_attributes')} AS t USING (${attributeSource(rows)}) AS s ON t.principal = s.principal AND t.attribute = s.attribute WHEN MATCHED THEN UPDATE SET value = s.value, updated_at = current_timestamp()`;

/** By (principal, attribute) pairs: a MERGE with a delete clause, since SQL has no tuple IN list that every version takes. */
export const deleteAttributesSql = (catalog: string, rows: readonly Pick<AttributeRow, 'principal' | 'attribute'>[]): string =>
  `MERGE INTO ${table(catalog, 'principal_attributes')} AS t USING (${union(rows.map((r) => [quoteLiteral(r.principal), quoteLiteral(r.attribute)]), ['principal', 'attribute'])}) AS s ON t.principal = s.principal AND t.attribute = s.attribute WHEN MATCHED THEN DELETE`;

export const readMappingSql = (catalog: string): string => `SELECT external_id, principal, principal_type, matched_by FROM ${table(catalog, 'user_mapping')}`;
export const readAttributesSql = (catalog: string): string => `SELECT principal, attribute, value FROM ${table(catalog, 'principal_attributes')}`;
