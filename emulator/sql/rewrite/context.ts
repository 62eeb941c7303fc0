import type { TableRef } from '../../catalog/resolve';
import type { Subject } from '../../catalog/subject';
import type { UnityCatalog } from '../../catalog/unity-catalog';

/** The statement-wide facts a rewrite needs and what it learns on the way. */
export interface Statement {
  readonly uc: UnityCatalog;
  /** Whose identity `current_user()`, `is_account_group_member()` … evaluate as: always the querying principal. */
  readonly invoker: Subject;
  /** Values for `?` (in order) and `:name` markers, already DuckDB literals. */
  readonly positional: readonly string[];
  readonly named: ReadonlyMap<string, string>;
  nextPositional: number;
  /** Tables and views read, for lineage and the audit log. */
  readonly reads: TableRef[];
}

/**
 * One scope of a rewrite: the namespace unqualified names resolve in, and whose privileges are checked.
 * A view body or a policy function runs with its owner's privileges (definer's rights, R6) while identity
 * functions still see the invoker.
 */
export interface Scope {
  readonly statement: Statement;
  readonly catalog: string;
  readonly schema: string;
  readonly checker: Subject;
  /** False inside row filters and masks: the querier needs no EXECUTE on policy functions. */
  readonly checkExecute: boolean;
  /** Names of common table expressions visible here (lower-case). */
  readonly ctes: ReadonlySet<string>;
  /** Function parameters in scope (lower-case name → DuckDB SQL of the argument). */
  readonly params: ReadonlyMap<string, string>;
  /** Nesting of views and functions, to stop runaway recursion. */
  readonly depth: number;
}

export const MAX_DEPTH = 24;

export function childScope(scope: Scope, patch: Partial<Omit<Scope, 'statement'>>): Scope {
  return { ...scope, ...patch, depth: scope.depth + 1 };
}
