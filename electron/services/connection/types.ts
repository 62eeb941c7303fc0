import type { z } from 'zod';

/**
 * The connection API other domains build on (configure integration, users and policies, metadata crawl), in the
 * app and in the CLI alike. It is deliberately small and stable: a signed-in workspace, who is signed in, one REST
 * client and SQL sessions. Tokens never appear here — the clients below add them (and refresh them) themselves.
 *
 * Every method throws `AppFailure` (shared/result.ts) with a contract error code and plain-language copy:
 *   NOT_CONNECTED  no session;                 AUTH_REQUIRED  the session cannot refresh: sign in again;
 *   FORBIDDEN      the identity lacks a right;  NOT_FOUND / CONFLICT / BAD_REQUEST  from the Databricks error body;
 *   RATE_LIMITED / UNAVAILABLE  retries (429 / 503) exhausted;  NETWORK / TIMEOUT;  CANCELLED  the signal fired;
 *   SQL_ERROR      a statement failed (the message carries the error class and SQLSTATE).
 */

/** Where the session is signed in. `url` is the normalised origin: `https://adb-1.2.azuredatabricks.net`. */
export interface WorkspaceInfo {
  readonly url: string;
  readonly host: string;
  readonly kind: 'workspace' | 'account' | 'sandbox';
  readonly label: string;
  /** From SCIM/host metadata when the server reports it. */
  readonly workspaceId?: string;
  /** Set for account-level sign-in (account APIs live under `/api/2.0/accounts/<accountId>/…`). */
  readonly accountId?: string;
}

/** Who is signed in, from SCIM `Me`. */
export interface IdentityInfo {
  readonly kind: 'user' | 'service-principal';
  /** The SCIM id. */
  readonly id: string;
  /** What Unity Catalog grants to: a user's email, a service principal's application id. */
  readonly userName: string;
  readonly displayName: string;
  readonly groups: readonly string[];
  /** Member of the workspace `admins` group. */
  readonly admin: boolean;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RestRequest<S extends z.ZodType> {
  readonly method: HttpMethod;
  /** Absolute path on the workspace: `/api/2.1/unity-catalog/catalogs`. Never a full URL. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>;
  /** Sent as JSON. */
  readonly body?: unknown;
  /**
   * Sent as raw bytes with `Content-Type: application/octet-stream` instead of `body`: the Files API takes uploads
   * so (https://docs.databricks.com/api/workspace/files/upload; the official SDKs send that type).
   */
  readonly bytes?: Uint8Array;
  /** The response body is parsed with it; a mismatch is an INTERNAL failure (logged, never shown raw). */
  readonly schema: S;
  readonly signal?: AbortSignal;
  /** Per-attempt timeout; the client's default otherwise. */
  readonly timeoutMs?: number;
  /** What this call does, for failure messages: "Listing catalogs" (default: method and path). */
  readonly what?: string;
}

/**
 * The one REST client: partner User-Agent, bearer token from the vault (refreshed 5 minutes before expiry, and
 * once when Databricks refuses it: 401, 403 `{"error_code": 403}`, 400 `ExpiredJwtException`), bounded retries
 * with backoff and jitter on 429 (Retry-After) and 503 and on a dropped GET, Databricks error bodies mapped to
 * contract codes.
 */
export interface RestClient {
  request<S extends z.ZodType>(request: RestRequest<S>): Promise<z.output<S>>;
}

export type SqlRow = Readonly<Record<string, unknown>>;

export interface SqlExecuteOptions {
  /** Aborting cancels the statement on the warehouse and rejects with CANCELLED. */
  readonly signal?: AbortSignal;
  /** Server-side query timeout in seconds (0 or absent: none). */
  readonly queryTimeoutSeconds?: number;
  /**
   * Run the statement again after a transient failure (429/503, a dropped connection, a timeout), with the shared
   * retry policy honouring Retry-After. Default true: every statement ucbridge runs is read-only or idempotent.
   * False for a caller that retries (and reports) on its own, such as the apply engine.
   */
  readonly retry?: boolean;
}

export interface SqlStreamOptions extends SqlExecuteOptions {
  /** Rows per batch handed to the consumer (default 10,000). */
  readonly batchSize?: number;
}

/**
 * One SQL session on one warehouse, over the real `@databricks/sql` driver. A refused token (401/403) is renewed
 * once and the call repeats; transient failures are retried (see `SqlExecuteOptions.retry`).
 */
export interface SqlSession {
  readonly httpPath: string;
  /** Runs one statement and returns every row. For big results use `stream`. */
  execute(sql: string, options?: SqlExecuteOptions): Promise<readonly SqlRow[]>;
  /** Runs one statement and yields its rows batch by batch, so a huge result never sits in memory at once. */
  stream(sql: string, options?: SqlStreamOptions): AsyncIterable<readonly SqlRow[]>;
  /** Idempotent. Disconnect closes every open session too. */
  close(): Promise<void>;
}

export interface WorkspaceConnection {
  readonly workspace: WorkspaceInfo;
  readonly identity: IdentityInfo;
  readonly rest: RestClient;
  /**
   * Opens a SQL session on a warehouse: `httpPath` is `/sql/1.0/warehouses/<id>`. The caller closes it; sessions
   * still open are closed on disconnect.
   */
  sql(httpPath: string): Promise<SqlSession>;
  /** Fires when this connection ends (disconnect, sign-in as someone else): stop long work started on it. */
  readonly signal: AbortSignal;
}

/** What other domains depend on: `requireConnection()` throws NOT_CONNECTED or AUTH_REQUIRED when there is none. */
export interface ConnectionProvider {
  requireConnection(): WorkspaceConnection;
}
