import type { z } from 'zod';
import type { IdentityInfo, SqlRow, WorkspaceInfo } from '../connection/types';

/**
 * The read-only check of a real workspace (`ucbridge smoke`, `npm run smoke`): one list of cases, each a behaviour
 * the app relies on, with the Databricks page that documents it. The same list runs against the sandbox in its tests,
 * so the sandbox is held to the same expectations.
 */

/** REST reads only: there is no way to send anything but GET through it. */
export interface ReadOnlyRest {
  get<S extends z.ZodType>(path: string, query: Readonly<Record<string, string | number | boolean | undefined>>, schema: S, what: string): Promise<z.output<S>>;
  /** The same GET, answering the failure instead of throwing it (for the error-shape cases). */
  attempt(path: string, what: string): Promise<{ readonly ok: true } | { readonly ok: false; readonly code: string; readonly message: string }>;
}

/** SQL reads only: SELECT, SHOW, DESCRIBE (anything else is refused before it is sent). */
export interface ReadOnlySql {
  query(sql: string): Promise<readonly SqlRow[]>;
}

export interface SmokeContext {
  readonly workspace: WorkspaceInfo;
  readonly identity: IdentityInfo;
  readonly rest: ReadOnlyRest;
  /** Undefined when no running SQL warehouse was given or found: SQL cases are skipped (the check starts nothing). */
  readonly sql: ReadOnlySql | undefined;
  /** The warehouse the SQL cases run on (and whose permission levels are read). */
  readonly warehouseId: string | undefined;
  readonly signal: AbortSignal;
}

export type CaseStatus = 'pass' | 'fail' | 'skip' | 'error';

export interface CaseOutcome {
  readonly status: Exclude<CaseStatus, 'error'>;
  /** What was seen, JSON-able, never a secret: counts, states, column names, error codes. */
  readonly observed: Readonly<Record<string, unknown>>;
  /** Why it failed or was skipped; one line. */
  readonly reason?: string;
}

export interface SmokeCase {
  readonly id: string;
  readonly title: string;
  /** What the app relies on, in one line. */
  readonly expects: string;
  /** The Databricks page that documents it. */
  readonly doc: string;
  readonly run: (ctx: SmokeContext) => Promise<CaseOutcome>;
}

export interface CaseResult {
  readonly id: string;
  readonly title: string;
  readonly status: CaseStatus;
  readonly expects: string;
  readonly observed: Readonly<Record<string, unknown>>;
  readonly reason?: string;
  readonly doc: string;
  readonly ms: number;
}

export interface SmokeReport {
  readonly tool: string;
  readonly at: string;
  readonly workspace: { readonly host: string; readonly kind: WorkspaceInfo['kind'] };
  /** Who ran it, without names: the kind of identity and its admin rights. */
  readonly identity: { readonly kind: IdentityInfo['kind']; readonly workspaceAdmin: boolean; readonly metastoreAdmin: boolean | null };
  readonly warehouse: 'given' | 'found running' | 'none';
  readonly summary: Readonly<Record<CaseStatus, number>>;
  readonly cases: readonly CaseResult[];
}
