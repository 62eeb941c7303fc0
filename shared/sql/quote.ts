import { AppFailure } from '../result';
import { hasUnsafeChar, isUnsafeChar } from '../text/escape-control';

/**
 * The one place generated SQL gets its identifiers and literals. Databricks SQL rules (reference
 * unity-catalog-scim-rest.md §0.1, R19): a delimited identifier is wrapped in backticks with any backtick inside
 * doubled; a string literal is single-quoted and, with Spark's default `escapedStringLiterals=false`, backslash
 * escapes are interpreted — so both `\` and `'` are escaped with a backslash. Control characters are written as
 * escapes too, so a statement always stays on the lines it is printed on.
 */

const bad = (message: string): never => {
  throw new AppFailure({ code: 'BAD_REQUEST', message });
};

/** Quotes one name part, always: `a`b` → `` `a``b` ``. */
export function quoteIdent(name: string): string {
  if (name.length === 0) bad('A name cannot be empty.');
  if (name.includes('\u0000')) bad('A name cannot contain the NUL character.');
  return '`' + name.replaceAll('`', '``') + '`';
}

/** `catalog.schema.table` with every part quoted separately (a dot inside a part stays part of the name). */
export function quoteName(...parts: readonly string[]): string {
  if (parts.length === 0) bad('A qualified name needs at least one part.');
  return parts.map(quoteIdent).join('.');
}

const CONTROL_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b' };

/** A Databricks SQL string literal. */
export function quoteLiteral(value: string): string {
  // Most values need no escape: skip the per-character walk (writing 100,000 users quotes every cell).
  if (!value.includes('\\') && !value.includes("'") && !hasUnsafeChar(value)) return "'" + value + "'";
  let out = "'";
  for (const ch of value) {
    if (ch === '\\') out += '\\\\';
    else if (ch === "'") out += "\\'";
    else if (CONTROL_ESCAPES[ch] !== undefined) out += CONTROL_ESCAPES[ch];
    // Control and bidirectional formatting characters too (escape-control.ts): Spark reads `\uXXXX` in a
    // literal as the character, so the value is the same and the script shows what it does.
    else if (isUnsafeChar(ch)) out += '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + "'";
}

/** `NULL` for null, a quoted literal otherwise. */
export const quoteNullableLiteral = (value: string | null): string => (value === null ? 'NULL' : quoteLiteral(value));

/**
 * Unity Catalog's rule for securable names (catalogs, schemas, tables, volumes, functions): at most 255
 * characters; no period, space, forward slash, ASCII control characters or DEL (reference §0.1, R20).
 * Returns the reason a name is refused, or undefined when it is acceptable.
 */
export function securableNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'The name is empty.';
  if (name.length > 255) return `The name is ${name.length} characters long; Unity Catalog allows at most 255.`;
  const badChar = [...name].find((ch) => ch === '.' || ch === ' ' || ch === '/' || ch < ' ' || ch === '\u007f');
  if (badChar !== undefined) {
    const shown = badChar === ' ' ? 'a space' : badChar < ' ' || badChar === '\u007f' ? 'a control character' : `"${badChar}"`;
    return `The name contains ${shown}; Unity Catalog names cannot contain periods, spaces, slashes or control characters.`;
  }
  return undefined;
}
