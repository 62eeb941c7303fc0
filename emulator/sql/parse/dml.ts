import type { Statement } from './ast';
import type { Cursor } from './cursor';

const NOT_ALIAS = new Set(['SET', 'WHERE', 'USING', 'WHEN', 'ON']);

function optionalAlias(c: Cursor): string | null {
  if (c.acceptWord('AS')) return c.identifier();
  if (c.peek().kind === 'quoted' || (c.peek().kind === 'word' && !NOT_ALIAS.has(c.peek().value.toUpperCase()))) return c.identifier();
  return null;
}

/** INSERT INTO|OVERWRITE [TABLE] t [(cols)] VALUES …|query. `INSERT` is consumed. */
export function parseInsert(c: Cursor): Statement {
  const overwrite = c.acceptWord('OVERWRITE');
  if (!overwrite) c.expectWord('INTO');
  c.acceptWord('TABLE');
  const target = c.qualifiedName();
  let columns: string[] | null = null;
  // `(` starts a column list unless it opens a parenthesized query.
  if (c.isOp('(') && !(c.peek(1).kind === 'word' && ['SELECT', 'WITH', 'VALUES'].includes(c.peek(1).value.toUpperCase()))) {
    c.next();
    columns = [];
    while (!c.isOp(')')) {
      columns.push(c.identifier());
      if (!c.acceptOp(',')) break;
    }
    c.expectOp(')');
  }
  const source = c.rest();
  if (source.length <= 1) c.fail();
  return { type: 'insert', target, overwrite, columns, source };
}

/** UPDATE t [[AS] alias] SET … [WHERE …]. */
export function parseUpdate(c: Cursor): Statement {
  const target = c.qualifiedName();
  const alias = optionalAlias(c);
  if (!c.isWord('SET')) c.fail();
  return { type: 'update', target, alias, rest: c.rest() };
}

/** DELETE FROM t [[AS] alias] [WHERE …]. */
export function parseDelete(c: Cursor): Statement {
  c.expectWord('FROM');
  const target = c.qualifiedName();
  const alias = optionalAlias(c);
  let where = null;
  if (c.acceptWord('WHERE')) where = c.rest();
  c.expectEnd();
  return { type: 'delete', target, alias, where };
}

/** MERGE INTO t [[AS] alias] USING … ON … WHEN …. */
export function parseMerge(c: Cursor): Statement {
  c.expectWord('INTO');
  const target = c.qualifiedName();
  const alias = optionalAlias(c);
  if (!c.isWord('USING')) c.fail();
  return { type: 'merge', target, alias, rest: c.rest() };
}
