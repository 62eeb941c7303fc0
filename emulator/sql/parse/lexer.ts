import { ucErrors } from '../../catalog/errors';

/**
 * Databricks SQL tokens (reference §0.1, R19): unquoted identifiers, backtick identifiers where a doubled backtick
 * is one backtick, and string literals in single or double quotes with Spark's backslash escapes
 * (`spark.sql.parser.escapedStringLiterals=false`) or raw `r'…'`.
 */
export type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'op' | 'param' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** Identifier text (unquoted for `quoted`), decoded string value, number text, operator, or parameter name. */
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

const OPERATORS = ['<=>', '::', '<=', '>=', '<>', '!=', '==', '||', '=>', '->', '(', ')', ',', '.', ';', '=', '<', '>', '+', '-', '*', '/', '%', '[', ']', '{', '}', ':', '&', '|', '^', '~', '!'];

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '0': '\u0000', b: '\b', n: '\n', r: '\r', t: '\t', Z: '\u001a', '\\': '\\', "'": "'", '"': '"', '%': '\\%', _: '\\_',
};

/** Spark's `unescapeSQLString`: \uXXXX, \UXXXXXXXX, octal \NNN and the single-character escapes. */
function unescape(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\' || i === body.length - 1) {
      out += ch;
      continue;
    }
    const next = body[i + 1]!;
    if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(body.slice(i + 2, i + 6))) {
      out += String.fromCharCode(parseInt(body.slice(i + 2, i + 6), 16));
      i += 5;
    } else if (next === 'U' && /^[0-9a-fA-F]{8}$/.test(body.slice(i + 2, i + 10))) {
      out += String.fromCodePoint(parseInt(body.slice(i + 2, i + 10), 16));
      i += 9;
    } else if (/^[0-3][0-7]{2}$/.test(body.slice(i + 1, i + 4))) {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      out += SIMPLE_ESCAPES[next] ?? next;
      i += 1;
    }
  }
  return out;
}

// Sticky patterns matched in place (lastIndex = i): no slice of the rest of the statement per token, which made
// tokenizing a 500-row INSERT quadratic-ish and was the sandbox seed's biggest cost.
const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /(\d*\.?\d+(?:[eE][+-]?\d+)?|\d+\.)(BD|[LSYDF])?(?![A-Za-z0-9_])/iy;
const DIGITS_WORD = /[A-Za-z0-9_]+/y;
const DOLLAR_TAG = /\$[A-Za-z_]*\$/y;
const PARAM_NAME = /:([A-Za-z_][A-Za-z0-9_]*)/y;
const SPACE = /\s/;

function stickyMatch(pattern: RegExp, sql: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(sql);
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isWordStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
/** ASCII fast path of `/\s/`; other characters ask the regex (Unicode spaces count, as before). */
const isSpace = (c: number, ch: string): boolean => c === 32 || (c >= 9 && c <= 13) || (c > 127 && SPACE.test(ch));

/** A backtick identifier from `i` (on the opening backtick): [value, index after the closing backtick]. */
function readQuotedIdentifier(sql: string, i: number): readonly [string, number] {
  let value = '';
  let from = i + 1;
  for (;;) {
    const close = sql.indexOf('`', from);
    if (close < 0) throw ucErrors.parse("'`': the quoted identifier is not closed");
    value += sql.slice(from, close);
    if (sql[close + 1] !== '`') return [value, close + 1];
    value += '`';
    from = close + 2;
  }
}

/** A string body from `i` (just after the opening quote): [raw body, index after the closing quote]. */
function readStringBody(sql: string, i: number, quote: string, raw: boolean): readonly [string, number] {
  let at = i;
  for (;;) {
    const close = sql.indexOf(quote, at);
    if (close < 0) throw ucErrors.parse(`'${quote}': the string literal is not closed`);
    const escape = raw ? -1 : sql.indexOf('\\', at);
    if (escape < 0 || escape > close) return [sql.slice(i, close), close + 1];
    // A backslash keeps the next character in the body (even a quote); the body is unescaped afterwards.
    if (escape + 1 >= sql.length) throw ucErrors.parse(`'${quote}': the string literal is not closed`);
    at = escape + 2;
  }
}

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, value: string, start: number) => tokens.push({ kind, value, start, end: i });
  const length = sql.length;
  while (i < length) {
    const c = sql.charCodeAt(i);
    const ch = sql[i]!;
    const start = i;
    if (isSpace(c, ch)) {
      i++;
    } else if (c === 45 /* - */ && sql.charCodeAt(i + 1) === 45) {
      const newline = sql.indexOf('\n', i);
      i = newline < 0 ? length : newline;
    } else if (c === 47 /* / */ && sql.charCodeAt(i + 1) === 42 /* * */) {
      const close = sql.indexOf('*/', i + 2);
      if (close < 0) throw ucErrors.parse("'/*': the comment is not closed");
      i = close + 2;
    } else if (ch === '`') {
      const [value, next] = readQuotedIdentifier(sql, i);
      i = next;
      if (value.length === 0) throw ucErrors.parse("'``': an identifier cannot be empty");
      push('quoted', value, start);
    } else if (ch === "'" || ch === '"' || ((ch === 'r' || ch === 'R') && (sql[i + 1] === "'" || sql[i + 1] === '"'))) {
      const raw = ch === 'r' || ch === 'R';
      if (raw) i++;
      const [body, next] = readStringBody(sql, i + 1, sql[i]!, raw);
      i = next;
      push('string', raw ? body : unescape(body), start);
    } else if (isDigit(c) || (ch === '.' && isDigit(sql.charCodeAt(i + 1)))) {
      const m = stickyMatch(NUMBER, sql, i);
      const kind = m ? 'number' : 'word';
      const text = m ? m[0] : stickyMatch(DIGITS_WORD, sql, i)![0];
      i += text.length;
      push(kind, text, start);
    } else if (isWordStart(c)) {
      const word = stickyMatch(WORD, sql, i)![0];
      i += word.length;
      push('word', word, start);
    } else if (ch === '$' && stickyMatch(DOLLAR_TAG, sql, i)) {
      // Dollar-quoted bodies (`AS $$ … $$`) of CREATE FUNCTION (R3).
      const tag = stickyMatch(DOLLAR_TAG, sql, i)![0];
      const close = sql.indexOf(tag, i + tag.length);
      if (close < 0) throw ucErrors.parse(`'${tag}': the dollar-quoted string is not closed`);
      i = close + tag.length;
      push('string', sql.slice(start + tag.length, close), start);
    } else if (ch === '?') {
      i++;
      push('param', '', start);
    } else if (ch === ':' && isWordStart(sql.charCodeAt(i + 1)) && isParamPosition(tokens.at(-1), i)) {
      const name = stickyMatch(PARAM_NAME, sql, i)![1]!;
      i += name.length + 1;
      push('param', name, start);
    } else {
      const op = OPERATORS.find((o) => sql.startsWith(o, i));
      if (!op) throw ucErrors.parse(`'${ch}'`);
      i += op.length;
      push('op', op, start);
    }
  }
  tokens.push({ kind: 'eof', value: '', start: length, end: length });
  return tokens;
}

/**
 * `:name` is a named parameter marker where an expression can start; right after an identifier or a closing
 * bracket with no space it is a field path (`raw:field`) and stays an operator.
 */
function isParamPosition(previous: Token | undefined, at: number): boolean {
  if (previous === undefined) return true;
  if (previous.kind === 'op') return previous.value !== ')' && previous.value !== ']';
  return previous.kind === 'word' && previous.end < at;
}
