import { ucErrors } from '../../catalog/errors';
import { duckString } from '../duck';
import type { Token } from '../parse/lexer';
import { normalizeTypeText, parseTypeText, toDuckType } from '../types';
import { callSql } from './calls';
import { constantRowsSql } from './constant-rows';
import type { Scope } from './context';
import { tableItem } from './from-clause';
import { identSql, numberSql } from './literals';

/** Words that take a parenthesis without being function calls. */
const NOT_FUNCTIONS = new Set([
  'IN', 'EXISTS', 'AS', 'VALUES', 'ON', 'USING', 'OVER', 'FILTER', 'WITHIN', 'AND', 'OR', 'NOT', 'WHEN', 'THEN', 'ELSE',
  'SELECT', 'WHERE', 'ANY', 'ALL', 'SOME', 'FROM', 'JOIN', 'BY', 'LIKE', 'ILIKE', 'INTERVAL', 'CASE', 'IS', 'RETURN',
  'DISTINCT', 'INTO', 'HAVING', 'LATERAL', 'TABLE', 'SET', 'WINDOW', 'PARTITION', 'ROWS', 'EXCLUDE', 'INSERT', 'UPDATE', 'END',
]);

/** Clause keywords that end a FROM list. */
const FROM_END = new Set([
  'WHERE', 'GROUP', 'HAVING', 'ORDER', 'LIMIT', 'OFFSET', 'UNION', 'EXCEPT', 'INTERSECT', 'MINUS', 'WINDOW', 'QUALIFY',
  'SORT', 'CLUSTER', 'DISTRIBUTE', 'WHEN', 'SET', 'SELECT',
]);

export const QUERY_WORDS = new Set(['SELECT', 'WITH', 'VALUES', 'FROM', 'TABLE']);

/**
 * Rewrites Databricks SQL tokens into DuckDB SQL: names in FROM/JOIN become the storage (or policy-applying
 * subquery) behind the Unity Catalog table they name, function calls are translated or inlined, identifiers and
 * literals are re-quoted for DuckDB, and parameters are bound.
 */
export class Walker {
  readonly match: number[];

  constructor(readonly tokens: readonly Token[]) {
    this.match = new Array<number>(tokens.length).fill(-1);
    const stack: number[] = [];
    tokens.forEach((t, i) => {
      if (t.kind !== 'op') return;
      if (t.value === '(') stack.push(i);
      else if (t.value === ')') {
        const open = stack.pop();
        if (open === undefined) throw ucErrors.parse("')'");
        this.match[open] = i;
        this.match[i] = open;
      }
    });
    if (stack.length > 0) throw ucErrors.parse("'(': the parenthesis is not closed");
  }

  word(i: number): string | undefined {
    const t = this.tokens[i];
    return t?.kind === 'word' ? t.value.toUpperCase() : undefined;
  }

  isOp(i: number, op: string): boolean {
    const t = this.tokens[i];
    return t?.kind === 'op' && t.value === op;
  }

  isIdent(i: number): boolean {
    const k = this.tokens[i]?.kind;
    return k === 'word' || k === 'quoted';
  }

  /** Is the parenthesis at `open` a subquery? */
  isSubquery(open: number): boolean {
    let i = open + 1;
    while (this.isOp(i, '(')) i++;
    return QUERY_WORDS.has(this.word(i) ?? '');
  }

  /** `startInFrom`: the range is a FROM list (a parenthesized join, a MERGE source). */
  walk(from: number, to: number, mode: 'query' | 'expr', scope: Scope, startInFrom = false): string {
    if (mode === 'query' && !startInFrom) {
      const rows = constantRowsSql(this, from, to, scope);
      if (rows !== undefined) return rows;
    }
    const out: string[] = [];
    let i = from;
    let fromMode = startInFrom;
    if (mode === 'query' && this.word(i) === 'WITH') ({ i, scope } = this.ctes(i + 1, to, scope, out));
    if (startInFrom) i = tableItem(this, i, to, scope, out);
    while (i < to) {
      const t = this.tokens[i]!;
      if (t.kind === 'eof' || (t.kind === 'op' && t.value === ';')) break;
      const w = this.word(i);
      if (w !== undefined && mode === 'query') {
        if (w === 'FROM' || (w === 'TABLE' && i === from)) {
          out.push('FROM');
          i = tableItem(this, i + 1, to, scope, out);
          fromMode = true;
          continue;
        }
        if (w === 'JOIN') {
          out.push('JOIN');
          i = tableItem(this, i + 1, to, scope, out);
          continue;
        }
        if (fromMode && FROM_END.has(w)) fromMode = false;
        if (w === 'LEFT' && (this.word(i + 1) === 'SEMI' || this.word(i + 1) === 'ANTI')) {
          i++;
          continue;
        }
      }
      if (fromMode && t.kind === 'op' && t.value === ',') {
        out.push(',');
        i = tableItem(this, i + 1, to, scope, out);
        continue;
      }
      i = this.token(i, to, mode, scope, out);
    }
    return out.join(' ');
  }

  /** One token (or a construct starting at it) outside FROM handling; returns the next index. */
  private token(i: number, to: number, mode: 'query' | 'expr', scope: Scope, out: string[]): number {
    const t = this.tokens[i]!;
    switch (t.kind) {
      case 'string': {
        let value = t.value;
        while (this.tokens[i + 1]?.kind === 'string') value += this.tokens[++i]!.value;
        out.push(duckString(value));
        return i + 1;
      }
      case 'number':
        out.push(numberSql(t.value));
        return i + 1;
      case 'param':
        out.push(this.parameter(t, scope));
        return i + 1;
      case 'word':
      case 'quoted':
        return this.identifier(i, to, scope, out);
      case 'op':
        return this.operator(i, to, mode, scope, out);
      case 'eof':
        return to;
    }
  }

  private parameter(t: Token, scope: Scope): string {
    const st = scope.statement;
    const value = t.value === '' ? st.positional[st.nextPositional++] : st.named.get(t.value.toLowerCase());
    if (value === undefined) throw ucErrors.invalidParameter(`[UNBOUND_SQL_PARAMETER] Found the unbound parameter: ${t.value || '?'}.`);
    return value;
  }

  private identifier(i: number, to: number, scope: Scope, out: string[]): number {
    const t = this.tokens[i]!;
    const w = this.word(i);
    if (w === 'CAST' || w === 'TRY_CAST') {
      if (this.isOp(i + 1, '(')) return this.cast(i, scope, out);
    }
    if (w === 'DIV') {
      out.push('//');
      return i + 1;
    }
    if (w === 'EXCEPT' && this.isOp(i - 1, '*') && this.isOp(i + 1, '(')) {
      out.push('EXCLUDE');
      return i + 1;
    }
    if (w !== undefined && NOT_FUNCTIONS.has(w)) {
      out.push(t.value);
      return i + 1;
    }
    // An identifier chain: a.b.c, possibly a function call a.b.f(…).
    const parts = [i];
    let j = i + 1;
    while (this.isOp(j, '.') && this.isIdent(j + 1)) {
      parts.push(j + 1);
      j += 2;
    }
    if (this.isOp(j, '(') && j < to) {
      const close = this.match[j]!;
      out.push(callSql(this, parts.map((p) => this.tokens[p]!.value), j, close, scope));
      return close + 1;
    }
    const afterDot = this.isOp(i - 1, '.');
    if (parts.length === 1 && !afterDot) {
      const param = scope.params.get(t.value.toLowerCase());
      if (param !== undefined) {
        out.push(`(${param})`);
        return j;
      }
    }
    out.push(parts.map((p) => (this.tokens[p]!.kind === 'quoted' ? identSql(this.tokens[p]!) : this.tokens[p]!.value)).join('.'));
    return j;
  }

  private operator(i: number, to: number, mode: 'query' | 'expr', scope: Scope, out: string[]): number {
    const op = this.tokens[i]!.value;
    if (op === '(') {
      const close = this.match[i]!;
      if (this.isSubquery(i)) out.push(`(${this.walk(i + 1, close, 'query', scope)})`);
      else out.push(`(${this.walk(i + 1, close, mode === 'query' ? 'expr' : mode, scope)})`);
      return close + 1;
    }
    if (op === '::') {
      const end = this.typeEnd(i + 1);
      out.push(`::${this.duckType(i + 1, end)}`);
      return end;
    }
    if (op === ':') throw ucErrors.unsupported('JSON path expressions (`column:field`) in the sandbox');
    const translated: Readonly<Record<string, string>> = { '==': '=', '<=>': 'IS NOT DISTINCT FROM', '!': 'NOT' };
    out.push(translated[op] ?? op);
    return i + 1;
  }

  /** CAST(expr AS type) with the type translated. */
  private cast(i: number, scope: Scope, out: string[]): number {
    const open = i + 1;
    const close = this.match[open]!;
    let as = -1;
    let depth = 0;
    for (let k = open + 1; k < close; k++) {
      if (this.isOp(k, '(')) depth++;
      else if (this.isOp(k, ')')) depth--;
      else if (depth === 0 && this.word(k) === 'AS') as = k;
    }
    if (as < 0) throw ucErrors.parse("'CAST': expected AS <type>");
    const fn = this.word(i) === 'TRY_CAST' ? 'TRY_CAST' : 'CAST';
    out.push(`${fn}(${this.walk(open + 1, as, 'expr', scope)} AS ${this.duckType(as + 1, close)})`);
    return close + 1;
  }

  /** End (exclusive) of a data type starting at `i`: a word with optional `<…>` or `(…)`. */
  typeEnd(i: number): number {
    let k = i + 1;
    if (this.isOp(k, '<')) {
      let depth = 0;
      for (; k < this.tokens.length; k++) {
        if (this.isOp(k, '<')) depth++;
        else if (this.isOp(k, '>') && --depth === 0) return k + 1;
      }
    }
    if (this.isOp(k, '(')) return this.match[k]! + 1;
    return k;
  }

  duckType(from: number, to: number): string {
    const text = this.tokens
      .slice(from, to)
      .map((t) => (t.kind === 'quoted' ? '`' + t.value.replaceAll('`', '``') + '`' : t.value))
      .join(' ');
    return toDuckType(parseTypeText(normalizeTypeText(text)));
  }

  /** WITH name [(cols)] AS (query), … — the names shadow tables in the rest of the query. */
  private ctes(i: number, to: number, scope: Scope, out: string[]): { i: number; scope: Scope } {
    const recursive = this.word(i) === 'RECURSIVE';
    if (recursive) i++;
    const names = new Set(scope.ctes);
    const parts: string[] = [];
    for (;;) {
      const nameToken = this.tokens[i]!;
      if (!this.isIdent(i)) throw ucErrors.parse(`'${nameToken.value}'`);
      names.add(nameToken.value.toLowerCase());
      let head = identSql(nameToken);
      i++;
      if (this.isOp(i, '(')) {
        const close = this.match[i]!;
        head += ` (${this.tokens.slice(i + 1, close).filter((t) => t.kind !== 'op').map(identSql).join(', ')})`;
        i = close + 1;
      }
      if (this.word(i) === 'AS') i++;
      if (!this.isOp(i, '(')) throw ucErrors.parse(`'${this.tokens[i]?.value ?? ''}'`);
      const close = this.match[i]!;
      // Earlier CTEs (and, for recursion, this one) are visible inside the body.
      parts.push(`${head} AS (${this.walk(i + 1, close, 'query', { ...scope, ctes: names })})`);
      i = close + 1;
      if (!this.isOp(i, ',') || i >= to) break;
      i++;
    }
    out.push(`WITH ${recursive ? 'RECURSIVE ' : ''}${parts.join(', ')}`);
    return { i, scope: { ...scope, ctes: names } };
  }
}

export function rewriteTokens(tokens: readonly Token[], scope: Scope, mode: 'query' | 'expr' = 'query'): string {
  const walker = new Walker(tokens);
  return walker.walk(0, tokens.length, mode, scope);
}
