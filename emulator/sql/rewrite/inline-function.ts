import { ucErrors } from '../../catalog/errors';
import type { FunctionRef } from '../../catalog/resolve';
import { tokenize } from '../parse/lexer';
import { parseTypeText, toDuckType } from '../types';
import { childScope, MAX_DEPTH, type Scope } from './context';
import { ownerSubject } from './owner-subject';
import { QUERY_WORDS, rewriteTokens } from './walker';

/**
 * SQL UDFs are expanded where they are called: each parameter becomes the (cast) argument expression and the body
 * is rewritten in the function's schema with its owner's privileges (security type DEFINER, R3/R6), while
 * identity functions inside still evaluate as the invoker. Expanding at every call resolves names at call time,
 * as Databricks does, so a policy function always reflects the current mapping tables and groups.
 */
function bodyScope(ref: FunctionRef, args: readonly string[], scope: Scope): Scope {
  if (scope.depth > MAX_DEPTH) throw ucErrors.invalidState(`Function nesting is too deep at ${ref.catalog.name}.${ref.schema.name}.${ref.fn.name}.`);
  const fn = ref.fn;
  if (args.length > fn.params.length) {
    throw ucErrors.invalidParameter(
      `[WRONG_NUM_ARGS] The function ${ref.catalog.name}.${ref.schema.name}.${fn.name} requires ${fn.params.length} parameters but ${args.length} were passed.`,
    );
  }
  const base = childScope(scope, {
    catalog: ref.catalog.name,
    schema: ref.schema.name,
    checker: ownerSubject(scope.statement.uc, fn.owner),
    ctes: new Set(),
    params: new Map(),
  });
  const params = new Map<string, string>();
  fn.params.forEach((p, i) => {
    let arg = args[i];
    if (arg === undefined) {
      if (p.defaultSql === null) {
        throw ucErrors.invalidParameter(
          `[WRONG_NUM_ARGS] The function ${ref.catalog.name}.${ref.schema.name}.${fn.name} requires ${fn.params.length} parameters but ${args.length} were passed.`,
        );
      }
      arg = rewriteTokens(tokenize(p.defaultSql), { ...base, params }, 'expr');
    }
    params.set(p.name.toLowerCase(), `CAST((${arg}) AS ${toDuckType(parseTypeText(p.typeText))})`);
  });
  return { ...base, params };
}

export function inlineScalarFunction(ref: FunctionRef, args: readonly string[], scope: Scope): string {
  if (ref.fn.returnType === null) throw ucErrors.invalidParameter(`${ref.fn.name} is a table function; call it in FROM.`);
  const inner = bodyScope(ref, args, scope);
  const tokens = tokenize(ref.fn.body);
  const isQuery = tokens[0]?.kind === 'word' && QUERY_WORDS.has(tokens[0].value.toUpperCase());
  const body = rewriteTokens(tokens, inner, isQuery ? 'query' : 'expr');
  return `CAST((${body}) AS ${toDuckType(parseTypeText(ref.fn.returnType))})`;
}

export function inlineTableFunction(ref: FunctionRef, args: readonly string[], scope: Scope): string {
  if (ref.fn.returnColumns === null) throw ucErrors.invalidParameter(`${ref.fn.name} is a scalar function.`);
  const { uc } = scope.statement;
  if (scope.checkExecute) {
    uc.authz.requireUsage(scope.checker, ref);
    uc.authz.require(scope.checker, ref, 'EXECUTE');
  }
  const inner = bodyScope(ref, args, scope);
  return rewriteTokens(tokenize(ref.fn.body), inner, 'query');
}
