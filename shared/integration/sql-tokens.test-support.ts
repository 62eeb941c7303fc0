import { unquoteIdent, unquoteLiteral } from '../sql/unquote';

/**
 * Splits generated SQL into its quoted parts, for tests that read names back: each backticked identifier and
 * each string literal is decoded with shared/sql/unquote.ts, and the rest is returned as a skeleton with `?`
 * for identifiers and `'?'` for literals. Throws on unterminated quotes: broken SQL must fail the test.
 */
export interface SqlParts {
  readonly skeleton: string;
  readonly idents: string[];
  readonly literals: string[];
}

export function sqlParts(sql: string): SqlParts {
  const idents: string[] = [];
  const literals: string[] = [];
  let skeleton = '';
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    if (ch === '`') {
      let j = i + 1;
      for (;;) {
        const k = sql.indexOf('`', j);
        if (k < 0) throw new Error(`unterminated identifier in: ${sql}`);
        if (sql[k + 1] === '`') j = k + 2;
        else {
          j = k + 1;
          break;
        }
      }
      const name = unquoteIdent(sql.slice(i, j));
      if (name === undefined) throw new Error(`bad identifier ${sql.slice(i, j)}`);
      idents.push(name);
      skeleton += '?';
      i = j;
    } else if (ch === "'") {
      let j = i + 1;
      while (j < sql.length && sql[j] !== "'") j += sql[j] === '\\' ? 2 : 1;
      if (j >= sql.length) throw new Error(`unterminated literal in: ${sql}`);
      const value = unquoteLiteral(sql.slice(i, j + 1));
      if (value === undefined) throw new Error(`bad literal ${sql.slice(i, j + 1)}`);
      literals.push(value);
      skeleton += "'?'";
      i = j + 1;
    } else {
      skeleton += ch;
      i++;
    }
  }
  return { skeleton, idents, literals };
}
