/**
 * ABAC conditions as `information_schema.abac_policy_definitions` prints them (MATCH_COLUMNS entries such as
 * `hasTagValue('pii', 'email') AS e`, a WHEN such as `hasTag('regional')`; the docs also spell them has_tag /
 * has_tag_value: https://docs.databricks.com/aws/en/sql/language-manual/sql-ref-syntax-ddl-create-policy). Only these
 * simple forms are evaluated locally; anything else (AND, OR, NOT, other functions) reads as unknown.
 */
export interface TagCondition {
  readonly key: string;
  readonly value: string | null;
}

const QUOTED = `'((?:[^'\\\\]|\\\\.)*)'`;
const TAG_VALUE = new RegExp(`^(?:hasTagValue|has_tag_value)\\(\\s*${QUOTED}\\s*,\\s*${QUOTED}\\s*\\)(?:\\s+AS\\s+\\S+)?$`, 'i');
const TAG = new RegExp(`^(?:hasTag|has_tag)\\(\\s*${QUOTED}\\s*\\)(?:\\s+AS\\s+\\S+)?$`, 'i');
const unescape = (s: string): string => s.replace(/\\(.)/g, '$1');

/** A simple tag condition, or undefined when the text is anything else. */
export function parseTagCondition(text: string): TagCondition | undefined {
  const t = text.trim();
  const withValue = TAG_VALUE.exec(t);
  if (withValue) return { key: unescape(withValue[1]!), value: unescape(withValue[2]!) };
  const keyOnly = TAG.exec(t);
  return keyOnly ? { key: unescape(keyOnly[1]!), value: null } : undefined;
}

/**
 * The column a COLUMN MASK policy masks, as a condition on the column's tags, when it can be known: with one MATCH
 * COLUMNS entry the masked column is that one (ON COLUMN must name its alias); with several, the view does not say
 * which alias ON COLUMN names, so the policy is not counted as covering any column.
 */
export function maskedColumnCondition(matchColumns: readonly string[]): TagCondition | undefined {
  return matchColumns.length === 1 ? parseTagCondition(matchColumns[0]!) : undefined;
}
