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

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, value: string, start: number) => tokens.push({ kind, value, start, end: i });
  while (i < sql.length) {
    const ch = sql[i]!;
    const start = i;
    if (/\s/.test(ch)) {
      i++;
    } else if (sql.startsWith('--', i)) {
      while (i < sql.length && sql[i] !== '\n') i++;
    } else if (sql.startsWith('/*', i)) {
      const close = sql.indexOf('*/', i + 2);
      if (close < 0) throw ucErrors.parse("'/*': the comment is not closed");
      i = close + 2;
    } else if (ch === '`') {
      let value = '';
      i++;
      for (;;) {
        if (i >= sql.length) throw ucErrors.parse("'`': the quoted identifier is not closed");
        if (sql[i] === '`') {
          if (sql[i + 1] === '`') {
            value += '`';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += sql[i++];
      }
      if (value.length === 0) throw ucErrors.parse("'``': an identifier cannot be empty");
      push('quoted', value, start);
    } else if (ch === "'" || ch === '"' || ((ch === 'r' || ch === 'R') && (sql[i + 1] === "'" || sql[i + 1] === '"'))) {
      const raw = ch === 'r' || ch === 'R';
      if (raw) i++;
      const quote = sql[i]!;
      i++;
      let body = '';
      for (;;) {
        if (i >= sql.length) throw ucErrors.parse(`'${quote}': the string literal is not closed`);
        const c = sql[i]!;
        if (c === '\\' && !raw) {
          body += c + (sql[i + 1] ?? '');
          i += 2;
          continue;
        }
        if (c === quote) {
          i++;
          break;
        }
        body += c;
        i++;
      }
      push('string', raw ? body : unescape(body), start);
    } else if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(sql[i + 1] ?? ''))) {
      const m = /^(\d*\.?\d+(?:[eE][+-]?\d+)?|\d+\.)(BD|[LSYDF])?(?![A-Za-z0-9_])/i.exec(sql.slice(i));
      if (m) {
        i += m[0].length;
        push('number', m[0], start);
      } else {
        const word = /^[A-Za-z0-9_]+/.exec(sql.slice(i))![0];
        i += word.length;
        push('word', word, start);
      }
    } else if (/[A-Za-z_]/.test(ch)) {
      const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i))![0];
      i += word.length;
      push('word', word, start);
    } else if (ch === '$' && /^\$[A-Za-z_]*\$/.test(sql.slice(i))) {
      // Dollar-quoted bodies (`AS $$ … $$`) of CREATE FUNCTION (R3).
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i))![0];
      const close = sql.indexOf(tag, i + tag.length);
      if (close < 0) throw ucErrors.parse(`'${tag}': the dollar-quoted string is not closed`);
      i = close + tag.length;
      push('string', sql.slice(start + tag.length, close), start);
    } else if (ch === '?') {
      i++;
      push('param', '', start);
    } else if (ch === ':' && /[A-Za-z_]/.test(sql[i + 1] ?? '') && isParamPosition(tokens.at(-1), i)) {
      const name = /^:([A-Za-z_][A-Za-z0-9_]*)/.exec(sql.slice(i))![1]!;
      i += name.length + 1;
      push('param', name, start);
    } else {
      const op = OPERATORS.find((o) => sql.startsWith(o, i));
      if (!op) throw ucErrors.parse(`'${ch}'`);
      i += op.length;
      push('op', op, start);
    }
  }
  tokens.push({ kind: 'eof', value: '', start: sql.length, end: sql.length });
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
