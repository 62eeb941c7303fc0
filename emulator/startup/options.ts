import type { CatalogSideFactory, SeedName } from '../contracts';
import type { FaultSettings } from '../faults/fault-spec';
import type { NewFederationPolicy } from '../oauth/federation-policies';

export interface OAuthOptions {
  /** The U2M app connection's client_id. Default `ucbridge-desktop`. */
  readonly u2mClientId?: string;
  /** Exact redirect URIs, port included. Default `http://localhost:8020/callback`, `…8021…`, `…8022…`. */
  readonly redirectUris?: readonly string[];
  /** Access-token lifetime; Databricks' default is one hour (databricks-oauth.md §2.5). */
  readonly accessTokenTtlSeconds?: number;
  /** Refresh-token lifetime; the app-connection UI default is 7 days (databricks-oauth.md §2.2). */
  readonly refreshTokenTtlSeconds?: number;
  /**
   * The app connection uses single-use (rotating) refresh tokens. Off by default, as for custom app connections
   * (https://docs.databricks.com/aws/en/integrations/single-use-tokens): a refresh keeps the refresh token.
   */
  readonly singleUseRefreshTokens?: boolean;
  /** Serve `/oidc/v1/revoke` and advertise it. Databricks documents none, so the default is off. */
  readonly revocation?: boolean;
  /** Extra trusted issuers for token exchange (the built-in test IdP is always trusted account-wide). */
  readonly federationPolicies?: readonly NewFederationPolicy[];
}

export interface EmulatorOptions {
  /** Default `demo`. */
  readonly seed?: SeedName;
  /** Default 0: a random free port. The server binds 127.0.0.1 only. */
  readonly port?: number;
  /** Persist identities, tokens, warehouse states, the CA and the request log here; reload them on restart. */
  readonly dataDir?: string;
  /** A `--faults` spec (`latency=50,rate429=0.3`) or settings. */
  readonly faults?: string | Partial<FaultSettings>;
  readonly oauth?: OAuthOptions;
  /** How long a warehouse stays STARTING. Default 3000 ms. */
  readonly warehouseStartDelayMs?: number;
  /** Builds the Unity Catalog side (REST routes, Thrift endpoint, audit sink). Default: the full one. Null: none. */
  readonly catalogSide?: CatalogSideFactory | null;
  /** Size of the `large` seed when the default catalog side is used. */
  readonly catalogScale?: { readonly scaleTables?: number; readonly scaleColumns?: number };
  /**
   * False: the metastore has no root storage, as metastores of workspaces enabled for Unity Catalog automatically
   * (https://docs.databricks.com/aws/en/connect/unity-catalog/cloud-storage/managed-storage); `CREATE CATALOG`
   * then needs `MANAGED LOCATION`. Default true.
   */
  readonly metastoreRootStorage?: boolean;
  readonly maxJsonBodyBytes?: number;
  readonly maxRawBodyBytes?: number;
  /**
   * The clock the early-expiry fault reads: when a token was issued and whether it has expired early. Default
   * `Date.now`; tests pass a fake one and move it, instead of sleeping past the expiry.
   */
  readonly earlyExpiryClock?: () => number;
  /** Diagnostics (internal errors, persistence failures). Default: stderr. */
  readonly log?: (line: string) => void;
}

export const DEFAULT_REDIRECT_URIS: readonly string[] = [
  'http://localhost:8020/callback',
  'http://localhost:8021/callback',
  'http://localhost:8022/callback',
];

export const DEFAULTS = {
  seed: 'demo' as SeedName,
  u2mClientId: 'ucbridge-desktop',
  accessTokenTtlSeconds: 3600,
  refreshTokenTtlSeconds: 7 * 24 * 3600,
  warehouseStartDelayMs: 3000,
  maxJsonBodyBytes: 4 * 1024 * 1024,
  maxRawBodyBytes: 64 * 1024 * 1024,
} as const;
