import type { TokenState } from '../../../shared/contract/session';
import type { Clock, Logger } from '../../ports';
import type { IdentityInfo, WorkspaceConnection, WorkspaceInfo } from '../connection/types';
import { createRestClient } from '../connection/rest-client';
import type { HttpClient } from '../http/http-client';
import type { RetryPolicy } from '../http/retry-policy';
import type { TlsTrust } from '../http/tls-trust';
import type { TokenSet } from '../oauth/token-client';
import { createSqlFactory, type SqlFactory } from '../sql/sql-factory';
import { createTokenSource, type TokenSource } from '../vault/token-source';
import type { OAuthKit } from './credentials';
import type { ResolvedMethod } from './resolve-target';
import type { SignInPlan } from './session-record';

/** One signed-in session: its tokens, its clients, and the connection other domains use. */
export interface LiveSession {
  readonly workspace: WorkspaceInfo;
  readonly identity: IdentityInfo;
  readonly plan: SignInPlan;
  readonly method: ResolvedMethod;
  readonly tokens: TokenSource;
  readonly kit: OAuthKit | undefined;
  readonly connection: WorkspaceConnection;
  /** Whether this is the local sandbox, whose CA is trusted for this session only. */
  readonly sandboxWorkspace: boolean;
  /** Ends it locally: stops work started on it, closes SQL sessions and clients, forgets the access token. */
  close(): Promise<void>;
}

export interface LiveSessionOptions {
  readonly workspace: WorkspaceInfo;
  readonly identity: IdentityInfo;
  readonly plan: SignInPlan;
  readonly method: ResolvedMethod;
  readonly http: HttpClient;
  readonly trust: TlsTrust;
  readonly kit: OAuthKit | undefined;
  readonly initial: TokenSet | undefined;
  readonly renew: ((current: TokenSet | undefined) => Promise<TokenSet>) | undefined;
  readonly persist: (next: TokenSet) => Promise<void>;
  readonly onTokenChange: (state: TokenState, expiresAt: number | undefined) => void;
  readonly sandboxWorkspace: boolean;
  /** Restored without the secret it needs: it must be signed in to again. */
  readonly signedOut?: boolean;
  readonly clock: Clock;
  readonly logger: Logger;
  /** SQL retries (default: the shared policy); tests pass small delays, as they do to the HTTP client. */
  readonly retry?: RetryPolicy;
}

export function createLiveSession(o: LiveSessionOptions): LiveSession {
  const controller = new AbortController();
  const tokens: TokenSource = createTokenSource({
    clock: o.clock,
    logger: o.logger.child('tokens'),
    initial: o.initial,
    renew: o.renew,
    persist: o.persist,
    onChange: o.onTokenChange,
    signedOut: o.signedOut,
  });
  const rest = createRestClient({ origin: o.workspace.url, http: o.http, tokens, logger: o.logger.child('rest') });
  const sql: SqlFactory = createSqlFactory({ host: o.workspace.host, trust: o.trust, tokens, logger: o.logger.child('sql'), clock: o.clock, signal: controller.signal, ...(o.retry ? { retry: o.retry } : {}) });
  let identity = o.identity;
  const connection: WorkspaceConnection = {
    workspace: o.workspace,
    get identity() {
      return identity;
    },
    rest,
    sql: (httpPath) => sql.open(httpPath, controller.signal),
    signal: controller.signal,
  };
  let closing: Promise<void> | undefined;
  return {
    workspace: o.workspace,
    get identity() {
      return identity;
    },
    plan: o.plan,
    method: o.method,
    tokens,
    kit: o.kit,
    connection,
    sandboxWorkspace: o.sandboxWorkspace,
    close() {
      closing ??= (async () => {
        controller.abort(new Error('the session ended'));
        await sql.closeAll();
        tokens.dispose();
        await o.trust.close();
        identity = o.identity;
      })();
      return closing;
    },
  };
}
