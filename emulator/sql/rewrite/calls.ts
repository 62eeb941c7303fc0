import { ucErrors } from '../../catalog/errors';
import { duckString, duckStringList } from '../duck';
import type { Scope } from './context';
import { BUILTINS } from './builtins';
import { inlineScalarFunction } from './inline-function';
import { qualify, splitArgs } from './sources';
import type { Walker } from './walker';

/**
 * Identity functions evaluate as the invoker, also inside views and policy functions (R6, R21, R22). Group
 * membership counts nested groups; `is_member` checks workspace groups, which in the sandbox are the same set.
 */
function identityCall(name: string, args: readonly string[], literal: readonly (string | undefined)[], scope: Scope): string | undefined {
  const { invoker, uc } = scope.statement;
  switch (name) {
    case 'current_user':
    case 'session_user':
    case 'user':
      return duckString(invoker.principal.name);
    case 'current_metastore':
      return duckString(uc.sandbox.metastoreRegion);
    case 'current_catalog':
      return duckString(scope.catalog);
    case 'current_schema':
    case 'current_database':
      return duckString(scope.schema);
    case 'current_version':
      return `{'dbsql_version': '2025.35', 'dbr_version': NULL, 'u_build_hash': NULL, 'r_build_hash': NULL}`;
    case 'is_account_group_member':
    case 'is_member': {
      if (args.length !== 1) throw ucErrors.invalidParameter(`[WRONG_NUM_ARGS] \`${name}\` requires 1 parameter.`);
      const groups = [...invoker.groups].map((g) => g.toLowerCase());
      const value = literal[0];
      if (value !== undefined) return groups.includes(value.toLowerCase()) ? 'TRUE' : 'FALSE';
      return `list_contains(${duckStringList(groups)}, lower(${args[0]}))`;
    }
    default:
      return undefined;
  }
}

/** A function call `names(…)` whose arguments are the tokens between `open` and `close`. */
export function callSql(w: Walker, names: readonly string[], open: number, close: number, scope: Scope): string {
  const ranges = splitArgs(w, open, close);
  const args = ranges.map(([a, b]) => w.walk(a, b, 'expr', scope));
  // The literal text of plain string arguments, for formats, group names and struct field names.
  const literal = ranges.map(([a, b]) => (b === a + 1 && w.tokens[a]!.kind === 'string' ? w.tokens[a]!.value : undefined));
  const { uc } = scope.statement;
  if (names.length === 1) {
    const name = names[0]!.toLowerCase();
    const identity = identityCall(name, args, literal, scope);
    if (identity !== undefined) return identity;
    const builtin = BUILTINS[name];
    if (builtin) return builtin(args, literal);
    const local = uc.resolve.findFunction(scope.catalog, scope.schema, name);
    if (!local) return `${name}(${args.join(', ')})`;
    return callUdf(local, args, scope);
  }
  if (names.length > 3) throw ucErrors.parse(`'${names.join('.')}'`);
  const parts = qualify(names, scope);
  if (parts[0].toLowerCase() === 'system' && parts[1].toLowerCase() === 'builtin') return callSql(w, [parts[2]], open, close, scope);
  const ref = uc.resolve.findFunction(...parts);
  if (!ref) throw ucErrors.unresolvedRoutine(names.join('.'));
  return callUdf(ref, args, scope);
}

function callUdf(ref: Parameters<typeof inlineScalarFunction>[0], args: readonly string[], scope: Scope): string {
  const { uc } = scope.statement;
  if (scope.checkExecute) {
    uc.authz.requireUsage(scope.checker, ref);
    uc.authz.require(scope.checker, ref, 'EXECUTE');
  }
  return inlineScalarFunction(ref, args, scope);
}
