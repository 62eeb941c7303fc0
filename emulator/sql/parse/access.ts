import { ucErrors } from '../../catalog/errors';
import type { Statement } from './ast';
import { parseSecurable } from './common';
import type { Cursor } from './cursor';
import { parsePrincipal } from './alter';

/** `SELECT, USE CATALOG, ALL PRIVILEGES` → privilege names as written (multi-word privileges joined by spaces). */
function parsePrivileges(c: Cursor): string[] | 'ALL' {
  if (c.acceptWord('ALL', 'PRIVILEGES')) return 'ALL';
  if (c.isWord('ALL', 'ON')) {
    c.next();
    return 'ALL';
  }
  const out: string[] = [];
  for (;;) {
    const words: string[] = [];
    while (c.peek().kind === 'word' && !c.isWord('ON')) words.push(c.next().value.toUpperCase());
    if (words.length === 0) c.fail();
    out.push(words.join(' '));
    if (!c.acceptOp(',')) break;
  }
  return out;
}

/** GRANT privileges ON securable TO principal; REVOKE privileges ON securable FROM principal (§1.8, R9). */
export function parseGrant(c: Cursor, revoke: boolean): Statement {
  const privileges = parsePrivileges(c);
  c.expectWord('ON');
  const securable = parseSecurable(c);
  c.expectWord(revoke ? 'FROM' : 'TO');
  const principal = parsePrincipal(c);
  if (c.acceptOp(',')) throw ucErrors.unsupported('granting to several principals in one statement');
  c.expectEnd();
  return { type: revoke ? 'revoke' : 'grant', privileges, securable, principal };
}

/** SHOW GRANT[S] [principal] ON securable (R10). `SHOW GRANT[S]` is consumed. */
export function parseShowGrants(c: Cursor): Statement {
  let principal: string | null = null;
  if (!c.isWord('ON')) principal = parsePrincipal(c);
  c.expectWord('ON');
  const securable = parseSecurable(c);
  c.expectEnd();
  return { type: 'show-grants', principal, securable };
}
