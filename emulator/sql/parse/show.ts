import type { Name, Statement } from './ast';
import type { Cursor } from './cursor';
import { parseShowGrants } from './access';
import { parseDescribePolicy, parseShowPolicies } from './policy';

/** `[FROM | IN] name [[LIKE] 'pattern']`. */
function scopeAndPattern(c: Cursor, parts: number): { in: Name | null; pattern: string | null } {
  let scope: Name | null = null;
  if (c.acceptWord('FROM') || c.acceptWord('IN')) scope = c.qualifiedName(parts);
  let pattern: string | null = null;
  if (c.acceptWord('LIKE') || c.peek().kind === 'string') pattern = c.string();
  return { in: scope, pattern };
}

/** SHOW … (reference §1.14, R54). `SHOW` is consumed. */
export function parseShow(c: Cursor): Statement {
  if (c.acceptWord('GRANTS') || c.acceptWord('GRANT')) return parseShowGrants(c);
  if (c.isWord('POLICIES') || c.isWord('EFFECTIVE', 'POLICIES')) return parseShowPolicies(c);
  let out: Statement;
  if (c.acceptWord('CATALOGS')) out = { type: 'show', what: 'CATALOGS', ...scopeAndPattern(c, 1) };
  else if (c.acceptWord('SCHEMAS') || c.acceptWord('DATABASES')) out = { type: 'show', what: 'SCHEMAS', ...scopeAndPattern(c, 1) };
  else if (c.acceptWord('TABLES')) out = { type: 'show', what: 'TABLES', ...scopeAndPattern(c, 2) };
  else if (c.acceptWord('VIEWS')) out = { type: 'show', what: 'VIEWS', ...scopeAndPattern(c, 2) };
  else if (c.acceptWord('VOLUMES')) out = { type: 'show', what: 'VOLUMES', ...scopeAndPattern(c, 2) };
  else if (c.acceptWord('USER', 'FUNCTIONS') || c.acceptWord('FUNCTIONS')) out = { type: 'show', what: 'FUNCTIONS', ...scopeAndPattern(c, 2) };
  else if (c.acceptWord('COLUMNS')) {
    if (!c.acceptWord('IN')) c.expectWord('FROM');
    const table = c.qualifiedName();
    if (c.acceptWord('IN') || c.acceptWord('FROM')) {
      const schema = c.qualifiedName(2);
      out = { type: 'show-columns', table: [...schema, ...table] };
    } else out = { type: 'show-columns', table };
  } else if (c.acceptWord('CREATE', 'TABLE')) out = { type: 'show-create-table', table: c.qualifiedName() };
  else return c.fail();
  c.expectEnd();
  return out;
}

/** DESCRIBE|DESC [TABLE|CATALOG|SCHEMA|DATABASE|FUNCTION|VOLUME] [EXTENDED] name. `DESCRIBE` is consumed. */
export function parseDescribe(c: Cursor): Statement {
  if (c.acceptWord('POLICY')) return parseDescribePolicy(c);
  let kind: 'TABLE' | 'CATALOG' | 'SCHEMA' | 'FUNCTION' | 'VOLUME' = 'TABLE';
  if (c.acceptWord('CATALOG')) kind = 'CATALOG';
  else if (c.acceptWord('SCHEMA') || c.acceptWord('DATABASE')) kind = 'SCHEMA';
  else if (c.acceptWord('FUNCTION')) kind = 'FUNCTION';
  else if (c.acceptWord('VOLUME')) kind = 'VOLUME';
  else c.acceptWord('TABLE');
  const extended = c.acceptWord('EXTENDED') || c.acceptWord('FORMATTED');
  const name = c.qualifiedName(kind === 'CATALOG' ? 1 : kind === 'SCHEMA' ? 2 : 3);
  c.expectEnd();
  return { type: 'describe', kind, name, extended };
}

/** USE CATALOG c | USE SCHEMA|DATABASE s | USE s. `USE` is consumed. */
export function parseUse(c: Cursor): Statement {
  let out: Statement;
  if (c.acceptWord('CATALOG')) out = { type: 'use', kind: 'CATALOG', name: c.qualifiedName(1) };
  else {
    if (!c.acceptWord('SCHEMA')) c.acceptWord('DATABASE');
    out = { type: 'use', kind: 'SCHEMA', name: c.qualifiedName(2) };
  }
  c.expectEnd();
  return out;
}

/** `SET key = value` / `SET key` / `RESET`: session configuration the sandbox accepts and ignores. */
export function parseSet(c: Cursor): Statement {
  const from = c.pos;
  while (!c.atEnd() && !c.isOp('=')) c.next();
  const key = c.pos > from ? c.text(from, c.pos) : null;
  let value: string | null = null;
  if (c.acceptOp('=')) {
    const v = c.pos;
    c.rest();
    value = c.text(v, c.pos) || null;
  }
  return { type: 'set-config', key, value };
}
