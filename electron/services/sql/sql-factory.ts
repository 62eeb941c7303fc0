import type { DBSQLClient } from '@databricks/sql';
import type IDBSQLLogger from '@databricks/sql/dist/contracts/IDBSQLLogger';
import { PARTNER_USER_AGENT } from '../../../shared/product';
import { AppFailure } from '../../../shared/result';
import type { Clock, Logger } from '../../ports';
import type { SqlSession } from '../connection/types';
import { DEFAULT_RETRY_POLICY, withRetry, type RetryPolicy } from '../http/retry-policy';
import type { TlsTrust } from '../http/tls-trust';
import type { TokenSource } from '../vault/token-source';
import { createDriverRetryPolicy, installDriverRetryPolicy } from './driver-retry-policy';
import { isTokenRejectedDriverError, sqlFailure } from './sql-errors';
import { wrapSqlSession } from './sql-session';

/**
 * SQL sessions over the real `@databricks/sql` driver, configured for this app:
 * - `userAgentEntry` is the partner User-Agent (the driver sends `NodejsDatabricksSqlConnector/<v>
 *   (ucbridge_desktop/<v>; …)`; reference databricks-oauth.md §5.1);
 * - tokens come from the session's vault-backed token source through `authType: 'token-provider'`; the driver's
 *   own `databricks-oauth` cannot target a loopback sandbox and opens its own browser (reference §4.3);
 * - the CA the user trusts (`customCaCert` only when there is one: it rebuilds a trust store per agent, so one
 *   client, hence one agent, is kept per warehouse);
 * - telemetry off; the driver's own retries (the Thrift calls it knows are safe to repeat) follow the app's retry
 *   policy (driver-retry-policy.ts), and opening a session and running a statement are retried on top of it.
 */
export interface SqlFactory {
  open(httpPath: string, signal?: AbortSignal): Promise<SqlSession>;
  /** Closes every open session and client (disconnect). */
  closeAll(): Promise<void>;
}

export interface SqlFactoryOptions {
  /** `127.0.0.1:8443` or `adb-1.2.azuredatabricks.net`. */
  readonly host: string;
  readonly trust: TlsTrust;
  readonly tokens: TokenSource;
  readonly logger: Logger;
  /** Waits between retries (tests pass one that does not really wait). */
  readonly clock: Clock;
  /** Default: the shared policy. */
  readonly retry?: RetryPolicy;
  /** For tests: a number in [0, 1). */
  readonly random?: () => number;
  /** Fires when the connection ends: the driver's close calls are then tried once, never waited out. */
  readonly signal?: AbortSignal;
}

/** `DEFAULT_REFRESH_THRESHOLD_MS` of the driver's CachedTokenProvider (@databricks/sql 2.x). */
const DRIVER_TOKEN_CACHE_THRESHOLD_MS = 5 * 60 * 1000;

const HTTP_PATH = /^\/sql\/1\.0\/(?:warehouses|endpoints)\/[A-Za-z0-9]{1,64}$/;

function driverLogger(logger: Logger): IDBSQLLogger {
  return {
    log(level, message) {
      // The driver is chatty at info; keep its lines at debug, except real problems.
      if (level === 'error' || level === 'warn') logger.warn(String(message));
      else logger.debug(String(message));
    },
  };
}

export function createSqlFactory(o: SqlFactoryOptions): SqlFactory {
  const clients = new Map<string, Promise<DBSQLClient>>();
  const sessions = new Set<SqlSession>();
  const address = new URL(`https://${o.host}`);
  const port = address.port === '' ? 443 : Number(address.port);
  const policy = o.retry ?? DEFAULT_RETRY_POLICY;
  // The token last handed to the driver, so a refusal can say which one the warehouse refused.
  let lastToken: string | undefined;

  /**
   * Product rule "refresh once on 401" for SQL too: a token the warehouse refuses (401, 403, or 400
   * ExpiredJwtException: see isTokenRejectedDriverError) is renewed once, then the call repeats.
   */
  async function retryOnUnauthorized<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      if (lastToken === undefined || !(await isTokenRejectedDriverError(e))) throw e;
      o.logger.info('the SQL warehouse refused the access token; renewing it once');
      await o.tokens.afterUnauthorized(lastToken);
      return work();
    }
  }

  async function client(httpPath: string): Promise<DBSQLClient> {
    const { DBSQLClient: Client, auth } = await import('@databricks/sql');
    const c = new Client({ logger: driverLogger(o.logger.child('driver')) });
    const tokens = o.tokens;
    await c.connect({
      host: address.hostname,
      port,
      path: httpPath,
      userAgentEntry: PARTNER_USER_AGENT,
      authType: 'token-provider',
      tokenProvider: {
        getName: () => 'ucbridge-vault',
        async getToken() {
          const accessToken = await tokens.accessToken();
          lastToken = accessToken;
          // The driver caches a provider's token until 5 minutes before the expiry it is told (its
          // CachedTokenProvider), which would hide a renewal made after a 401. The token source is the one cache
          // (renewed before expiry, once after a 401), so the driver is told an expiry right at its threshold and
          // asks again on every request; the call is an in-memory read.
          return new auth.Token(accessToken, { expiresAt: new Date(Date.now() + DRIVER_TOKEN_CACHE_THRESHOLD_MS) });
        },
      },
      ...(o.trust.extraCaPem === undefined ? {} : { customCaCert: o.trust.extraCaPem }),
      telemetryEnabled: false,
    });
    const driverPolicy = () => createDriverRetryPolicy({ policy, clock: o.clock, logger: o.logger, ...(o.random ? { random: o.random } : {}), ...(o.signal ? { signal: o.signal } : {}) });
    await installDriverRetryPolicy(c, driverPolicy, o.logger);
    return c;
  }

  return {
    async open(httpPath, signal) {
      if (!HTTP_PATH.test(httpPath)) {
        throw new AppFailure({ code: 'BAD_REQUEST', message: 'A warehouse HTTP path looks like /sql/1.0/warehouses/<id>.' });
      }
      let pending = clients.get(httpPath);
      if (!pending) {
        pending = client(httpPath);
        clients.set(httpPath, pending);
        pending.catch(() => clients.delete(httpPath));
      }
      try {
        const c = await pending;
        if (signal?.aborted) throw new AppFailure({ code: 'CANCELLED', message: 'Cancelled.' });
        // Opening a session changes nothing a second attempt would duplicate (at worst an idle session the
        // warehouse expires), so it is retried like a read.
        const session = await withRetry(
          policy,
          o.clock,
          signal,
          () => retryOnUnauthorized(() => c.openSession()).catch((e: unknown) => Promise.reject(sqlFailure(e, o.host))),
          (n, e) => o.logger.info('opening a SQL session failed; retrying', { attempt: n, error: e }),
          o.random,
        );
        const wrapped = wrapSqlSession({
          session,
          httpPath,
          host: o.host,
          logger: o.logger,
          retryOnUnauthorized,
          retry: { policy, clock: o.clock, ...(o.random ? { random: o.random } : {}) },
          onClose: () => sessions.delete(wrapped),
        });
        sessions.add(wrapped);
        return wrapped;
      } catch (e) {
        throw signal?.aborted ? new AppFailure({ code: 'CANCELLED', message: 'Cancelled.' }) : sqlFailure(e, o.host);
      }
    },
    async closeAll() {
      await Promise.all([...sessions].map((s) => s.close()));
      const all = await Promise.allSettled(clients.values());
      clients.clear();
      await Promise.all(all.map((r) => (r.status === 'fulfilled' ? r.value.close().catch(() => undefined) : undefined)));
    },
  };
}
