import { ucErrors } from '../../catalog/errors';
import type { TableRef } from '../../catalog/resolve';
import { duckIdent } from '../duck';
import { tokenize } from '../parse/lexer';
import { childScope } from '../rewrite/context';
import { inlineScalarFunction } from '../rewrite/inline-function';
import { ownerSubject } from '../rewrite/owner-subject';
import { rewriteTokens } from '../rewrite/walker';
import type { Exec } from './session';

/** The row filter of a written table as a predicate over `qualifier`'s columns, or null without a filter. */
export function filterPredicate(exec: Exec, ref: TableRef, qualifier: string): string | null {
  const filter = ref.table.rowFilter;
  if (filter === null) return null;
  const fn = exec.uc.resolve.findFunction(...filter.functionName);
  if (!fn) throw ucErrors.routineNotFound(filter.functionName);
  const scope = childScope(exec.scope, { checkExecute: false, checker: ownerSubject(exec.uc, fn.fn.owner) });
  const args = filter.args.map((a) => (a.kind === 'column' ? `${qualifier}.${duckIdent(a.name)}` : rewriteTokens(tokenize(a.sql), scope, 'expr')));
  return `COALESCE(${inlineScalarFunction(fn, args, scope)}, FALSE)`;
}
