import { ucErrors } from '../../catalog/errors';
import { duckIdent } from '../duck';
import type { Scope } from './context';
import { identSql } from './literals';
import { tableFunctionSql, tableSourceSql } from './sources';
import type { Walker } from './walker';

/** Words that end a table reference instead of naming its alias. */
const NOT_ALIAS = new Set([
  'WHERE', 'GROUP', 'HAVING', 'ORDER', 'LIMIT', 'OFFSET', 'UNION', 'EXCEPT', 'INTERSECT', 'MINUS', 'WINDOW', 'QUALIFY', 'SORT',
  'CLUSTER', 'DISTRIBUTE', 'WHEN', 'SET', 'SELECT', 'ON', 'USING', 'AS', 'LATERAL', 'TABLESAMPLE', 'NATURAL', 'INNER', 'LEFT',
  'RIGHT', 'FULL', 'CROSS', 'OUTER', 'SEMI', 'ANTI', 'JOIN', 'PIVOT', 'UNPIVOT', 'WITH', 'FOR', 'VALUES',
]);

/**
 * One item of a FROM list: a (qualified) table name, a table function call, a subquery or a parenthesized join,
 * with its alias. A table replaced by storage or by a policy-applying subquery keeps its own name as alias, so
 * `orders.id` still resolves. Returns the index after the item.
 */
export function tableItem(w: Walker, i: number, to: number, scope: Scope, out: string[]): number {
  if (w.word(i) === 'LATERAL') {
    out.push('LATERAL');
    i++;
  }
  let defaultAlias: string | null = null;
  if (w.isOp(i, '(')) {
    const close = w.match[i]!;
    out.push(w.isSubquery(i) ? `(${w.walk(i + 1, close, 'query', scope)})` : `(${w.walk(i + 1, close, 'query', scope, true)})`);
    i = close + 1;
  } else if (w.isIdent(i)) {
    const names = [w.tokens[i]!.value];
    let j = i + 1;
    while (w.isOp(j, '.') && w.isIdent(j + 1)) {
      names.push(w.tokens[j + 1]!.value);
      j += 2;
    }
    if (w.isOp(j, '(')) {
      const close = w.match[j]!;
      out.push(tableFunctionSql(w, names, j, close, scope));
      i = close + 1;
    } else {
      const source = tableSourceSql(names, scope);
      out.push(source.sql);
      if (source.needsAlias) defaultAlias = names.at(-1)!;
      i = j;
    }
  } else {
    throw ucErrors.parse(`'${w.tokens[i]?.value ?? 'end of input'}'`);
  }
  let alias: string | null = null;
  if (w.word(i) === 'AS') {
    if (!w.isIdent(i + 1)) throw ucErrors.parse("'AS'");
    alias = identSql(w.tokens[i + 1]!);
    i += 2;
  } else if (w.isIdent(i) && i < to && !NOT_ALIAS.has(w.word(i) ?? '')) {
    alias = identSql(w.tokens[i]!);
    i++;
  }
  if (alias !== null) {
    out.push(`AS ${alias}`);
    if (w.isOp(i, '(')) {
      const close = w.match[i]!;
      const columns = w.tokens.slice(i + 1, close).filter((t) => t.kind === 'word' || t.kind === 'quoted');
      out.push(`(${columns.map(identSql).join(', ')})`);
      i = close + 1;
    }
  } else if (defaultAlias !== null) {
    out.push(`AS ${duckIdent(defaultAlias)}`);
  }
  return i;
}
