import { ucErrors } from '../../catalog/errors';
import { parseGrant } from './access';
import { parseAlter, parseCommentOn, parseDrop, parseTagOn } from './alter';
import type { Statement } from './ast';
import { parseCreate } from './create';
import { Cursor } from './cursor';
import { parseDelete, parseInsert, parseMerge, parseUpdate } from './dml';
import { tokenize } from './lexer';
import { parseDescribe, parseSet, parseShow, parseUse } from './show';

const QUERY_START = new Set(['SELECT', 'WITH', 'VALUES', 'FROM', 'TABLE']);

/** Parses one Databricks SQL statement; anything unrecognised is a PARSE_SYNTAX_ERROR, never a crash. */
export function parseStatement(sql: string): Statement {
  const tokens = tokenize(sql);
  const c = new Cursor(tokens, sql);
  if (c.atEnd()) throw ucErrors.parse('end of input');
  const first = c.peek();
  if (first.kind === 'op' && first.value === '(') return query(c);
  if (first.kind !== 'word') c.fail();
  const word = first.value.toUpperCase();
  if (QUERY_START.has(word)) return query(c);
  c.next();
  switch (word) {
    case 'CREATE':
      return parseCreate(c);
    case 'DROP':
      return parseDrop(c);
    case 'ALTER':
      return parseAlter(c);
    case 'GRANT':
      return parseGrant(c, false);
    case 'REVOKE':
      return parseGrant(c, true);
    case 'SHOW':
      return parseShow(c);
    case 'DESCRIBE':
    case 'DESC':
      return parseDescribe(c);
    case 'USE':
      return parseUse(c);
    case 'INSERT':
      return parseInsert(c);
    case 'UPDATE':
      return parseUpdate(c);
    case 'DELETE':
      return parseDelete(c);
    case 'MERGE':
      return parseMerge(c);
    case 'COMMENT':
      return parseCommentOn(c);
    case 'SET':
      return c.isWord('TAG', 'ON') ? parseTagOn(c, false) : parseSet(c);
    case 'UNSET':
      return parseTagOn(c, true);
    case 'RESET':
      return { type: 'set-config', key: null, value: null };
    default:
      c.pos = 0;
      return c.fail();
  }
}

function query(c: Cursor): Statement {
  return { type: 'query', tokens: c.rest() };
}

/** Splits a script on top-level semicolons (a driver sends one statement per ExecuteStatement). */
export function isSingleStatement(sql: string): boolean {
  const tokens = tokenize(sql);
  const semis = tokens.filter((t) => t.kind === 'op' && t.value === ';');
  return semis.length === 0 || (semis.length === 1 && tokens.at(-2) === semis[0]);
}
