import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The seams between the sandbox's parts. The workspace side (HTTPS server, identities, OAuth, SCIM, warehouses
 * REST, request log, faults, start-up) and the Unity Catalog side (catalog model, SQL engine, Thrift endpoint,
 * information_schema, system tables, UC REST) are built separately and meet only here.
 */

export interface SandboxInfo {
  /** `https://127.0.0.1:<port>` */
  readonly workspaceUrl: string;
  readonly workspaceId: string;
  readonly accountId: string;
  readonly metastoreId: string;
  /** Region name shown by `current_metastore()` (`<cloud>:<region>:<metastore-id>`). */
  readonly metastoreRegion: string;
}

export type PrincipalKind = 'user' | 'service-principal' | 'group';

export interface Principal {
  /** The SCIM id. */
  readonly id: string;
  readonly kind: PrincipalKind;
  /**
   * The name Unity Catalog grants to and `current_user()` returns: a user's userName (email), a service principal's
   * applicationId, a group's displayName.
   */
  readonly name: string;
  readonly displayName: string;
}

/** Read-only view of the identities, for privilege evaluation and identity functions. */
export interface IdentityDirectory {
  /** Case-insensitive lookup by the UC name (email, applicationId, group display name). */
  byName(name: string): Principal | undefined;
  byId(id: string): Principal | undefined;
  /** Display names of every group the principal belongs to, directly or through nested groups. */
  groupsOf(principalId: string): ReadonlySet<string>;
  /** Member of the workspace `admins` group. */
  isWorkspaceAdmin(principalId: string): boolean;
  /** Metastore admin (in the sandbox: the metastore admin group's members). */
  isMetastoreAdmin(principalId: string): boolean;
  all(): readonly Principal[];
}

/** An authenticated request's identity (a PAT or a verified OAuth access token). */
export interface Caller {
  readonly principal: Principal;
  readonly userAgent: string;
  readonly credential: 'pat' | 'oauth';
  readonly sourceIp: string;
}

/** One row of `system.access.audit` (columns per the reference's audit-log schema). */
export interface AuditRecord {
  readonly time: Date;
  readonly serviceName: string; // e.g. 'unityCatalog', 'accounts', 'databrickssql', 'oauth2'
  readonly actionName: string; // e.g. 'getCatalog', 'createCatalog', 'commandSubmit'
  readonly principal: Principal | undefined;
  readonly userAgent: string;
  readonly sourceIp: string;
  readonly requestParams: Readonly<Record<string, string>>;
  readonly statusCode: number;
  readonly errorMessage?: string;
}

/** Where the workspace side reports REST activity so it lands in `system.access.audit`. */
export interface AuditSink {
  recordAudit(record: AuditRecord): void;
}

export type WarehouseState = 'STOPPED' | 'STARTING' | 'RUNNING' | 'STOPPING' | 'DELETED';

/** Warehouse lifecycle, owned by the workspace side's warehouses REST API. */
export interface WarehouseStates {
  state(warehouseId: string): WarehouseState | undefined;
}

/** A REST request after authentication. Bodies are parsed JSON, except for the Files API (raw bytes). */
export interface RestRequest {
  readonly method: string;
  readonly path: string;
  /** Values captured by `:name` segments and a trailing `*` (as `params['*']`), URL-decoded. */
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: unknown;
  readonly rawBody: Buffer;
  readonly caller: Caller;
}

export interface RestResponse {
  readonly status: number;
  /** JSON body; omitted for 204 and for raw bodies. */
  readonly body?: unknown;
  readonly raw?: Buffer;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A REST route. `pattern` is a path with `:name` segments and an optional trailing `*`. */
export interface RestRoute {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
  readonly pattern: string;
  handle(req: RestRequest): Promise<RestResponse>;
  /**
   * How the workspace side labels this route's `system.access.audit` row. Default: serviceName `unityCatalog`,
   * actionName `<METHOD> <pattern>`.
   */
  readonly audit?: { readonly serviceName: string; readonly actionName: string };
}

/** The SQL warehouse's Thrift-over-HTTPS endpoint, mounted at `POST /sql/1.0/warehouses/<id>`. */
export interface ThriftEndpoint {
  handle(req: IncomingMessage, res: ServerResponse, caller: Caller, warehouseId: string): void;
}

/** Which seed the sandbox starts from (`--seed`). */
export type SeedName = 'demo' | 'empty' | 'large';

/** How paginated lists page under the sandbox's paging faults (`--faults pageSize=N,emptyPages=1`). */
export interface PagingFault {
  /** At most this many items per page, whatever the client asked. */
  readonly pageSize?: number;
  /** Each page is preceded by an empty page that still carries a `next_page_token`. */
  readonly emptyPages: boolean;
}

export const NO_PAGING_FAULT: PagingFault = { emptyPages: false };

/** What the workspace side hands the Unity Catalog side when the sandbox starts. */
export interface CatalogSideDeps {
  readonly info: SandboxInfo;
  /** The paging faults now (they can change at runtime); none when absent. */
  readonly paging?: () => PagingFault;
  readonly identities: IdentityDirectory;
  readonly warehouses: WarehouseStates;
  readonly seed: SeedName;
  /** Set when the sandbox persists state (`--data-dir`); the Unity Catalog side may keep its files under it. */
  readonly dataDir?: string;
  /** False: the metastore has no root storage, so a catalog needs a managed location (default true). */
  readonly metastoreRootStorage?: boolean;
}

/** The Unity Catalog side as the workspace side mounts it: REST routes, the Thrift endpoint, the audit sink. */
export interface CatalogSide {
  readonly audit: AuditSink;
  readonly routes: readonly RestRoute[];
  readonly thrift: ThriftEndpoint;
  close(): Promise<void>;
}

/** Builds the Unity Catalog side; `startEmulator` calls it once, after identities and warehouses exist. */
export type CatalogSideFactory = (deps: CatalogSideDeps) => Promise<CatalogSide>;
