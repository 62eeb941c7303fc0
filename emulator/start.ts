import { createServer, type Server } from 'node:https';
import { join, resolve } from 'node:path';
import type { CatalogSide, CatalogSideFactory, SandboxInfo } from './contracts';
import { NO_FAULTS, parseFaultSpec } from './faults/fault-spec';
import { Faults } from './faults/faults';
import { createCatalogSide } from './catalog/catalog-side';
import { BearerAuthenticator } from './http/bearer-auth';
import { createRequestListener, type PipelineParts } from './http/pipeline';
import { RestGateway } from './http/rest-gateway';
import { SqlGateway } from './http/sql-gateway';
import type { Identities } from './identity';
import { FederationPolicies } from './oauth/federation-policies';
import { OAuthServer } from './oauth/oauth-server';
import { TestIdentityProvider } from './oauth/test-identity-provider';
import { StateWriter } from './persistence/data-dir';
import { RequestLog } from './request-log/request-log';
import { workspaceRoutes } from './rest/workspace-routes';
import type { WarehouseRegistry } from './rest/warehouses/registry';
import { emulatorInfo, hostMetadata, sandboxInfo, type EmulatorInfo } from './startup/info';
import { initialState } from './startup/initial-state';
import { DEFAULT_REDIRECT_URIS, DEFAULTS, type EmulatorOptions } from './startup/options';
import { prepareTls } from './tls/tls-files';

export type { EmulatorInfo } from './startup/info';
export type { EmulatorOptions, OAuthOptions } from './startup/options';

/** A running sandbox: the `--json` data, plus handles for tests and tools. */
export interface RunningEmulator extends EmulatorInfo {
  /** Exactly the JSON-able data (what `--json` prints). */
  readonly info: EmulatorInfo;
  /** The seam data the Unity Catalog side also receives. */
  readonly sandbox: SandboxInfo;
  readonly caCertPem: string;
  readonly requestLog: RequestLog;
  readonly faults: Faults;
  readonly identities: Identities;
  readonly warehouseRegistry: WarehouseRegistry;
  /** Token federation: the trusted policies and a built-in test IdP that mints subject JWTs. */
  readonly federation: { readonly policies: FederationPolicies; readonly testIdp: TestIdentityProvider };
  stop(): Promise<void>;
}

/** How long an idle keep-alive connection stays open (see startEmulator). */
export const SERVER_KEEP_ALIVE_MS = 180_000;

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolveListen((server.address() as { port: number }).port);
    });
  });
}

/** Starts the sandbox workspace on https://127.0.0.1 (see issue 3 and EmulatorOptions for every knob). */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const onInternalError = (error: unknown): void => log(`sandbox internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  const seed = options.seed ?? DEFAULTS.seed;
  const dataDir = options.dataDir === undefined ? undefined : resolve(options.dataDir);
  const oauthOptions = options.oauth ?? {};
  const faults = new Faults(typeof options.faults === 'string' ? parseFaultSpec(options.faults) : { ...NO_FAULTS, ...options.faults });
  // Key generation dominates start-up; the four RSA keys (CA, server, token signing, test IdP) are made in parallel.
  const [state, tls, testIdp] = await Promise.all([
    initialState(seed, options.warehouseStartDelayMs ?? DEFAULTS.warehouseStartDelayMs, dataDir),
    prepareTls(dataDir),
    TestIdentityProvider.create(),
  ]);
  const { identities, warehouses } = state;
  const requestLog = new RequestLog(dataDir === undefined ? undefined : join(dataDir, 'requests.jsonl'));

  let parts: PipelineParts | undefined;
  const server = createServer({ key: tls.server.keyPem, cert: tls.server.certPem, minVersion: 'TLSv1.2' }, createRequestListener(() => parts));
  // Idle keep-alive connections stay open for minutes, not Node's default 5 s. Databricks documents no figure;
  // dbt-databricks (databricks/dbt-databricks#648) found warehouse connections dropped only after 180+ s idle. With
  // 5 s, a driver that reuses an idle socket (the Node driver's https.Agent keeps them) races the server's close, and
  // on a loaded machine — client and sandbox in one process — that race lost a FetchResults with ECONNRESET.
  server.keepAliveTimeout = SERVER_KEEP_ALIVE_MS;
  const port = await listen(server, options.port ?? 0);
  const sandbox = sandboxInfo(`https://127.0.0.1:${port}`, identities);
  const u2m = { clientId: oauthOptions.u2mClientId ?? DEFAULTS.u2mClientId, redirectUris: oauthOptions.redirectUris ?? DEFAULT_REDIRECT_URIS, singleUseRefreshTokens: oauthOptions.singleUseRefreshTokens ?? false };
  const accessTokenTtlSeconds = oauthOptions.accessTokenTtlSeconds ?? DEFAULTS.accessTokenTtlSeconds;

  const policies = new FederationPolicies();
  // Account-wide trust in the built-in test IdP, audiences as the SDKs default them (databricks-oauth.md §3.2).
  policies.add({ issuer: testIdp.issuer, audiences: [identities.accountId, `${sandbox.workspaceUrl}/oidc/v1/token`], jwks: testIdp.jwks });
  for (const p of oauthOptions.federationPolicies ?? []) policies.add(p);

  const oauth = new OAuthServer({
    baseUrl: sandbox.workspaceUrl,
    identities,
    signingKey: state.signingKey,
    storage: state.oauthStorage,
    u2m,
    accessTokenTtlSeconds,
    refreshTokenTtlSeconds: oauthOptions.refreshTokenTtlSeconds ?? DEFAULTS.refreshTokenTtlSeconds,
    revocation: oauthOptions.revocation ?? false,
    policies,
    earlyExpirySeconds: () => faults.earlyExpirySeconds(),
    earlyExpiryClock: options.earlyExpiryClock ?? Date.now,
  });
  faults.setRevoker(() => oauth.revokeAll());
  const auth = new BearerAuthenticator(identities, oauth.verifier, () => faults.tokenErrorShape());

  let catalog: CatalogSide | undefined;
  // Undefined means the whole workspace (REST + SQL warehouse); tests that need only the workspace side pass null.
  const factory: CatalogSideFactory | null = options.catalogSide === undefined ? createCatalogSide(options.catalogScale ?? {}) : options.catalogSide;
  try {
    catalog = factory ? await factory({ info: sandbox, identities: identities.directory, warehouses, seed, paging: () => faults.paging(), ...(dataDir === undefined ? {} : { dataDir }), ...(options.metastoreRootStorage === false ? { metastoreRootStorage: false } : {}) }) : undefined;
  } catch (error) {
    server.close();
    await tls.dispose();
    throw error;
  }

  parts = {
    oauth,
    rest: new RestGateway({
      routes: [...workspaceRoutes(identities, warehouses, () => port, () => faults.paging()), ...(catalog?.routes ?? [])],
      auth,
      audit: catalog?.audit,
      maxJsonBodyBytes: options.maxJsonBodyBytes ?? DEFAULTS.maxJsonBodyBytes,
      maxRawBodyBytes: options.maxRawBodyBytes ?? DEFAULTS.maxRawBodyBytes,
      onInternalError,
    }),
    sql: new SqlGateway(auth, warehouses, catalog?.thrift, onInternalError),
    faults,
    requestLog,
    hostMetadata: () => hostMetadata(sandbox),
    onInternalError,
  };

  const writer =
    dataDir === undefined
      ? undefined
      : new StateWriter(dataDir, () => ({
          version: 1,
          identities: identities.state(),
          warehouses: warehouses.list(),
          signingKey: state.signingKey.privateJwk,
          oauth: state.oauthStorage.snapshot(),
        }), (e) => log(`sandbox could not save its state: ${String(e)}`));
  if (writer) {
    const save = (): void => writer.schedule();
    identities.onChange(save);
    warehouses.onChange(save);
    state.oauthStorage.onChange(save);
    await writer.flush();
  }

  const info = emulatorInfo(sandbox, tls.caCertPath, warehouses, { u2mClientId: u2m.clientId, redirectUris: [...u2m.redirectUris] }, state.credentials);
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      parts = undefined;
      await new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      });
      warehouses.dispose();
      await catalog?.close();
      await writer?.flush();
      await requestLog.close();
      await tls.dispose();
    })();
    return stopping;
  };
  return {
    ...info,
    info,
    sandbox,
    caCertPem: tls.caCertPem,
    requestLog,
    faults,
    identities,
    warehouseRegistry: warehouses,
    federation: { policies, testIdp },
    stop,
  };
}
