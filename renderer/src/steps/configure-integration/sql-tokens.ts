/**
 * A small Databricks SQL tokenizer for highlighting the plan's statements: enough to tell keywords, quoted
 * names, string literals, numbers and comments apart. It never changes the text: joining the tokens gives the
 * statement back exactly, so what is copied is what is shown.
 */
export type SqlTokenKind = 'keyword' | 'identifier' | 'string' | 'number' | 'comment' | 'punctuation' | 'space' | 'word';

export interface SqlToken {
  readonly kind: SqlTokenKind;
  readonly text: string;
}

const KEYWORDS = new Set(
  (
    'ADD ALL ALTER AND AS BY CASCADE CASE CATALOG COMMENT CREATE DEFAULT DELETE DROP ELSE END EXECUTE EXISTS ' +
    'EXTERNAL FALSE FOR FROM FUNCTION GRANT IF IN INSERT INTO IS LANGUAGE MANAGE MASK MODIFY NOT NULL ON OR OWNER ' +
    'PRIVILEGES READ REPLACE RETURN RETURNS REVOKE ROW SCHEMA SELECT SET SHOW TABLE TAGS THEN TO TRUE UPDATE USE ' +
    'USING VALUES VIEW VOLUME VOLUMES WHEN WHERE WITH WRITE FILTER BROWSE APPLY TAG STRING BOOLEAN INT BIGINT TIMESTAMP'
  ).split(' '),
);

/** Quoted runs: the closing quote is doubled (backticks) or backslash-escaped (strings) inside. */
function quotedEnd(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    const ch = sql[i];
    if (quote === "'" && ch === '\\') i += 2;
    else if (ch === quote && quote === '`' && sql[i + 1] === '`') i += 2;
    else if (ch === quote) return i + 1;
    else i++;
  }
  return sql.length;
}

function tokenEnd(sql: string, i: number): { readonly kind: SqlTokenKind; readonly end: number } {
  const ch = sql.charAt(i);
  const rest = sql.slice(i);
  if (/\s/.test(ch)) return { kind: 'space', end: i + (/^\s+/.exec(rest)?.[0].length ?? 1) };
  if (rest.startsWith('--')) {
    const nl = sql.indexOf('\n', i);
    return { kind: 'comment', end: nl < 0 ? sql.length : nl };
  }
  if (rest.startsWith('/*')) {
    const close = sql.indexOf('*/', i + 2);
    return { kind: 'comment', end: close < 0 ? sql.length : close + 2 };
  }
  if (ch === '`') return { kind: 'identifier', end: quotedEnd(sql, i, '`') };
  if (ch === "'" || ch === '"') return { kind: 'string', end: quotedEnd(sql, i, ch) };
  const number = /^\d+(\.\d+)?/.exec(rest);
  if (number) return { kind: 'number', end: i + number[0].length };
  const word = /^[\p{L}\p{N}_$]+/u.exec(rest);
  if (word) return { kind: KEYWORDS.has(word[0].toUpperCase()) ? 'keyword' : 'word', end: i + word[0].length };
  return { kind: 'punctuation', end: i + 1 };
}

export function tokenizeSql(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let i = 0;
  while (i < sql.length) {
    const { kind, end } = tokenEnd(sql, i);
    const last = tokens[tokens.length - 1];
    // Runs of punctuation stay one token: fewer spans for the same colours.
    if (kind === 'punctuation' && last?.kind === 'punctuation') tokens[tokens.length - 1] = { kind, text: last.text + sql.slice(i, end) };
    else tokens.push({ kind, text: sql.slice(i, end) });
    i = end;
  }
  return tokens;
}
