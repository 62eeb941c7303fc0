import type { Name, SecurableSpec, Statement } from './ast';
import { parseArgs, parseColumnSpec, parseColumnSpecs, parseFunctionName, parseProperties, parseSecurable, parseTagKeys, parseTagPairs } from './common';
import type { Cursor } from './cursor';
import { parseDropPolicy } from './policy';

/** A principal in TO / FROM / OWNER TO: a (backticked) identifier; a string literal is tolerated. */
export const parsePrincipal = (c: Cursor): string => c.stringOrIdentifier();

const KINDS = { CATALOG: 'CATALOG', SCHEMA: 'SCHEMA', DATABASE: 'SCHEMA', TABLE: 'TABLE', VIEW: 'VIEW', VOLUME: 'VOLUME', FUNCTION: 'FUNCTION' } as const;

/** ALTER … (reference §1.6, §1.7, §1.10, §1.11). `ALTER` is consumed. */
export function parseAlter(c: Cursor): Statement {
  const kindWord = c.identifier().toUpperCase() as keyof typeof KINDS;
  const kind = KINDS[kindWord];
  if (kind === undefined) c.fail();
  const name: Name = kind === 'CATALOG' ? c.qualifiedName(1) : kind === 'SCHEMA' ? c.qualifiedName(2) : c.qualifiedName();
  const securable = { kind, name } as SecurableSpec;
  if (c.acceptWord('SET', 'OWNER', 'TO') || c.acceptWord('OWNER', 'TO')) return end(c, { type: 'set-owner', securable, principal: parsePrincipal(c) });
  if (c.acceptWord('SET', 'TAGS')) return end(c, { type: 'set-tags', securable, column: null, tags: parseTagPairs(c), strict: false });
  if (c.acceptWord('UNSET', 'TAGS')) return end(c, { type: 'unset-tags', securable, column: null, tags: parseTagKeys(c), strict: false });
  if (c.acceptWord('RENAME', 'TO')) return end(c, { type: 'rename', securable, newName: c.qualifiedName() });
  if (c.acceptWord('SET', 'TBLPROPERTIES') || c.acceptWord('SET', 'DBPROPERTIES') || c.acceptWord('SET', 'OPTIONS')) {
    parseProperties(c);
    return end(c, { type: 'set-config', key: null, value: null });
  }
  if (kind === 'TABLE') return parseAlterTable(c, name);
  return c.fail();
}

function parseAlterTable(c: Cursor, table: Name): Statement {
  if (c.acceptWord('SET', 'ROW', 'FILTER')) {
    const fn = parseFunctionName(c);
    c.expectWord('ON');
    return end(c, { type: 'set-row-filter', table, fn, args: parseArgs(c) });
  }
  if (c.acceptWord('DROP', 'ROW', 'FILTER')) return end(c, { type: 'drop-row-filter', table });
  if (c.acceptWord('ADD', 'COLUMNS') || c.acceptWord('ADD', 'COLUMN')) {
    const columns = c.isOp('(') ? parseColumnSpecs(c) : [parseColumnSpec(c)];
    return end(c, { type: 'add-columns', table, columns });
  }
  if (c.acceptWord('ALTER') || c.acceptWord('CHANGE')) {
    c.acceptWord('COLUMN');
    const column = c.identifier();
    if (c.acceptWord('SET', 'MASK')) {
      const fn = parseFunctionName(c);
      const using = c.acceptWord('USING', 'COLUMNS') ? parseArgs(c) : [];
      return end(c, { type: 'set-mask', table, column, fn, using });
    }
    if (c.acceptWord('DROP', 'MASK')) return end(c, { type: 'drop-mask', table, column });
    const securable: SecurableSpec = { kind: 'TABLE', name: table };
    if (c.acceptWord('SET', 'TAGS')) return end(c, { type: 'set-tags', securable, column, tags: parseTagPairs(c), strict: false });
    if (c.acceptWord('UNSET', 'TAGS')) return end(c, { type: 'unset-tags', securable, column, tags: parseTagKeys(c), strict: false });
    if (c.acceptWord('COMMENT')) return end(c, { type: 'alter-column-comment', table, column, comment: c.string() });
  }
  return c.fail();
}

/** `SET TAG ON …` / `UNSET TAG ON …` (DBR 16.1+ form, R17): one key, identifiers, strict about existence. */
export function parseTagOn(c: Cursor, unset: boolean): Statement {
  c.expectWord('TAG', 'ON');
  let securable: SecurableSpec;
  let column: string | null = null;
  if (c.acceptWord('COLUMN')) {
    const parts = c.qualifiedName(4);
    column = parts.pop()!;
    securable = { kind: 'TABLE', name: parts };
  } else {
    securable = parseSecurable(c);
  }
  const key = c.stringOrIdentifier();
  const value = !unset && c.acceptOp('=') ? c.stringOrIdentifier() : '';
  return end(c, { type: unset ? 'unset-tags' : 'set-tags', securable, column, tags: [[key, value]], strict: true });
}

/** `COMMENT ON CATALOG|SCHEMA|TABLE|VOLUME name IS 'text' | NULL`. */
export function parseCommentOn(c: Cursor): Statement {
  c.expectWord('ON');
  const securable = parseSecurable(c);
  c.expectWord('IS');
  const comment = c.acceptWord('NULL') ? null : c.string();
  return end(c, { type: 'set-comment', securable, comment });
}

/** DROP CATALOG | SCHEMA | TABLE | VIEW | VOLUME | FUNCTION [IF EXISTS] name [RESTRICT | CASCADE] (§1.14). */
export function parseDrop(c: Cursor): Statement {
  if (c.acceptWord('POLICY')) return parseDropPolicy(c);
  const kindWord = c.identifier().toUpperCase() as keyof typeof KINDS;
  const kind = KINDS[kindWord];
  if (kind === undefined) c.fail();
  const ifExists = c.acceptWord('IF', 'EXISTS');
  const name = kind === 'CATALOG' ? c.qualifiedName(1) : kind === 'SCHEMA' ? c.qualifiedName(2) : c.qualifiedName();
  const cascade = c.acceptWord('CASCADE');
  if (!cascade) c.acceptWord('RESTRICT');
  return end(c, { type: 'drop', kind, name, ifExists, cascade });
}

function end(c: Cursor, statement: Statement): Statement {
  c.expectEnd();
  return statement;
}
