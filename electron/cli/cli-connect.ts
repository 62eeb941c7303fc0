import type { Logger, BrowserOpener, Clock } from '../ports';
import type { IdentityInfo, WorkspaceConnection, WorkspaceInfo } from '../services/connection/types';
import { establish } from '../services/session/establish';
import { createLiveSession } from '../services/session/live-session';
import { planOf } from '../services/session/restore-session';
import { resolveTarget } from '../services/session/resolve-target';
import type { CliConfig } from './unified-config';

export interface CliConnection {
  readonly workspace: WorkspaceInfo;
  readonly identity: IdentityInfo;
  readonly authMethod: string;
  /** The same connection API the app uses, for commands that do more than `whoami`. */
  readonly connection: WorkspaceConnection;
  close(): Promise<void>;
}

export interface CliConnectDeps {
  readonly clock: Clock;
  readonly logger: Logger;
  readonly browser: BrowserOpener;
  /** Told the sign-in link when the browser could not be opened (or `--no-browser`). */
  readonly showLink: (url: string) => void;
  readonly signInTimeoutMs?: number;
}

/**
 * Signs in for one CLI run with the app's own services (discovery, the U2M loopback flow, M2M, federation, PAT;
 * the partner User-Agent; the HTTP client's retries). Tokens stay in this process: nothing is persisted, so the
 * access token simply dies with it and the next run signs in again.
 */
export async function connectCli(config: CliConfig, deps: CliConnectDeps, signal: AbortSignal): Promise<CliConnection> {
  const target = resolveTarget({
    workspace: { kind: 'url', url: config.host },
    auth: config.auth,
    useProfileSecret: false,
    profiles: [],
    recent: () => undefined,
  });
  const est = await establish(
    target,
    {
      clock: deps.clock,
      logger: deps.logger,
      browser: deps.browser,
      ...(deps.signInTimeoutMs ? { signInTimeoutMs: deps.signInTimeoutMs } : {}),
      onPhase: (phase, wait) => {
        deps.logger.info(`sign-in: ${phase}`);
        if (wait && !wait.browserOpened) deps.showLink(wait.authorizeUrl);
      },
    },
    signal,
  );
  const live = createLiveSession({
    workspace: est.workspace,
    identity: est.identity,
    plan: planOf(target.auth, target.accountId ? { accountId: target.accountId } : {}),
    method: target.auth,
    http: est.http,
    trust: est.trust,
    kit: est.kit,
    initial: est.initial,
    renew: est.renew,
    persist: async () => undefined,
    onTokenChange: () => undefined,
    sandboxWorkspace: false,
    clock: deps.clock,
    logger: deps.logger,
  });
  return { workspace: est.workspace, identity: est.identity, authMethod: target.auth.method, connection: live.connection, close: () => live.close() };
}
