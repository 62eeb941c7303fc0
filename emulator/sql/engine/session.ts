import type { Caller } from '../../contracts';
import type { Subject } from '../../catalog/subject';
import type { UnityCatalog } from '../../catalog/unity-catalog';
import type { Scope } from '../rewrite/context';
import type { ResultSource } from './result-source';

/** A SQL session: who is connected and the current catalog and schema (USE CATALOG / USE SCHEMA). */
export interface SqlSession {
  readonly id: string;
  readonly caller: Caller;
  catalog: string;
  schema: string;
}

/** Bound parameter values, already DuckDB literals. */
export interface BoundParameters {
  readonly positional: readonly string[];
  readonly named: ReadonlyMap<string, string>;
}

export const NO_PARAMETERS: BoundParameters = { positional: [], named: new Map() };

export interface Execution {
  readonly source: ResultSource;
  /** The statement's kind for system.query.history (`SELECT`, `INSERT`, `CREATE`, …). */
  readonly statementType: string;
  /** Rows written by DML; null for everything else. */
  readonly modifiedRows: number | null;
}

/** Lets CancelOperation interrupt the DuckDB work of a running statement. */
export interface Cancellation {
  cancelled: boolean;
  readonly running: Set<{ interrupt(): void }>;
}

export const newCancellation = (): Cancellation => ({ cancelled: false, running: new Set() });

/** Everything a statement handler needs. */
export interface Exec {
  readonly cancellation: Cancellation;
  readonly uc: UnityCatalog;
  readonly session: SqlSession;
  readonly subject: Subject;
  readonly statementId: string;
  readonly scope: Scope;
}

export function makeExec(
  uc: UnityCatalog,
  session: SqlSession,
  statementId: string,
  params: BoundParameters,
  cancellation: Cancellation = newCancellation(),
): Exec {
  const subject = uc.subject(session.caller.principal);
  const scope: Scope = {
    statement: { uc, invoker: subject, positional: params.positional, named: params.named, nextPositional: 0, reads: [] },
    catalog: session.catalog,
    schema: session.schema,
    checker: subject,
    checkExecute: true,
    ctes: new Set(),
    params: new Map(),
    depth: 0,
  };
  return { uc, session, subject, statementId, scope, cancellation };
}
