import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { SandboxSetup, SignInInputSchema, SignInPhase, WorkspaceChoices } from '../../../shared/contract/auth';
import type { DisconnectResultSchema, SessionState } from '../../../shared/contract/session';
import { authFailure } from '../../../shared/domain/auth-failures';
import { DEFAULT_REDIRECT_URIS, DEFAULT_U2M_SCOPES } from '../../../shared/domain/oauth-client';
import { parseWorkspaceUrl } from '../../../shared/domain/workspace-url';
import { AppFailure, fail } from '../../../shared/result';
import type { EventHub } from '../../gateway/event-hub';
import type { BrowserOpener, Clock, KeyValueStore, Logger } from '../../ports';
import type { ExternalUrlAllowList } from '../../window-policy/external-urls';
import type { ConnectionProvider, WorkspaceConnection } from '../connection/types';
import { createHttpClient } from '../http/http-client';
import type { RetryPolicy } from '../http/retry-policy';
import { createTlsTrust } from '../http/tls-trust';
import type { TaskHandle, TaskRegistry } from '../tasks/task-registry';
import type { SecretVault } from '../vault/secret-vault';
import { createOAuthKit, renewerFor, vaultSecretsFor } from './credentials';
import { establish, type Established } from './establish';
import { createLiveSession, type LiveSession } from './live-session';
import { configFilePath, readProfileFile, summarizeProfile } from './profiles';
import { explainLoopbackFailure } from './loopback-failure';
import { createRecents } from './recents';
import { resolveTarget, type ResolvedTarget } from './resolve-target';
import { methodFromRecord, missingSecret, planOf } from './restore-session';
import { revokeSession } from './revocation';
import type { SandboxLauncher } from './sandbox-launcher';
import { SESSION_KEY, SessionRecordSchema, vaultKey, type SessionRecord } from './session-record';
import { sessionView } from './session-view';

export { EMPTY_SESSION_STATE } from './session-view';

export type DisconnectResult = z.output<typeof DisconnectResultSchema>;
export type SignInInput = z.output<typeof SignInInputSchema>;

/**
 * The session: which workspace, who, which tokens. Behind `session.*` and `auth.*`, and the ConnectionProvider
 * every other domain uses. One session at a time; signing in again replaces it.
 */
export interface SessionService extends ConnectionProvider {
  state(): Promise<SessionState>;
  signIn(input: SignInInput): Promise<SessionState>;
  /** Reruns the session's sign-in method, keeping the workspace (and so every setting stored for it). */
  reauthenticate(options?: { readonly taskId?: string }): Promise<SessionState>;
  disconnect(options: { readonly uninstall: boolean }): Promise<DisconnectResult>;
  choices(): Promise<WorkspaceChoices>;
  startSandbox(): Promise<SandboxSetup>;
  forgetRecent(url: string): Promise<boolean>;
  /** The Configure-integration domain registers how to uninstall, for `disconnect({uninstall:true})`. */
  setUninstaller(uninstall: (connection: WorkspaceConnection, signal: AbortSignal) => Promise<void>): void;
  /** Loads the saved session at start-up (tokens are renewed on first use). */
  restore(): Promise<void>;
  dispose(): Promise<void>;
}

export interface SessionServiceDeps {
  readonly kv: KeyValueStore;
  readonly vault: SecretVault;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly events: EventHub;
  readonly tasks: TaskRegistry;
  readonly browser: BrowserOpener;
  readonly externalUrls?: ExternalUrlAllowList;
  readonly sandbox: SandboxLauncher;
  readonly configPath?: () => string;
  readonly retry?: RetryPolicy;
  readonly signInTimeoutMs?: number;
}

const PHASE_LABEL: Readonly<Record<SignInPhase, string>> = {
  discovering: 'Contacting the workspace…',
  'waiting-for-browser': 'Waiting for your browser…',
  'exchanging-code': 'Finishing sign-in…',
  'requesting-token': 'Requesting a token…',
  identifying: 'Reading who you are…',
};

export function createSessionService(deps: SessionServiceDeps): SessionService {
  const { kv, vault, clock, events } = deps;
  const logger = deps.logger;
  const recents = createRecents(kv, logger.child('recents'));
  let live: LiveSession | undefined;
  let uninstaller: ((c: WorkspaceConnection, s: AbortSignal) => Promise<void>) | undefined;

  const mode = async () => (await vault.status()).mode;
  const state = async () => sessionView(live, await mode(), clock.now());
  const publish = () => void state().then((s) => events.publish('session.changed', s));

  async function activate(target: ResolvedTarget, est: Established): Promise<void> {
    const sandbox = target.sandbox !== undefined;
    const key = vaultKey(est.workspace.url);
    const previous = live;
    live = undefined;
    if (previous) {
      await previous.close();
      if (previous.workspace.url !== est.workspace.url) await vault.remove(vaultKey(previous.workspace.url));
    }
    const m = target.auth;
    live = createLiveSession({
      ...(deps.retry ? { retry: deps.retry } : {}),
      workspace: est.workspace,
      identity: est.identity,
      plan: planOf(m, { ...(target.accountId ? { accountId: target.accountId } : {}), ...(target.profile ? { profile: target.profile } : {}) }),
      method: m,
      http: est.http,
      trust: est.trust,
      kit: est.kit,
      initial: est.initial,
      renew: est.renew,
      // The rotated refresh token is saved before the new access token is handed to anyone (token-source.ts).
      persist: async (next) => {
        if (m.method === 'oauth-u2m') await vault.put(key, vaultSecretsFor(m, next));
      },
      onTokenChange: publish,
      sandboxWorkspace: sandbox,
      clock,
      logger: logger.child('live'),
    });
    await vault.put(key, vaultSecretsFor(m, est.initial));
    const record: SessionRecord = { v: 1, workspace: est.workspace, identity: { ...est.identity, groups: [...est.identity.groups] }, plan: live.plan };
    await kv.set(SESSION_KEY, record);
    await recents.add({
      url: est.workspace.url,
      label: est.workspace.label,
      kind: est.workspace.kind,
      method: m.method,
      ...(live.plan.clientId ? { clientId: live.plan.clientId } : {}),
      ...(target.accountId ? { accountId: target.accountId } : {}),
      ...(live.plan.redirectUris ? { redirectUris: [...live.plan.redirectUris] } : {}),
      lastUsedAt: clock.now(),
    });
    logger.info('signed in', { host: est.workspace.host, method: m.method, kind: est.identity.kind });
    publish();
  }

  async function run(taskId: string, target: () => Promise<ResolvedTarget>): Promise<SessionState> {
    return deps.tasks.run(taskId, { label: 'Signing in…' }, async (task: TaskHandle) => {
      const resolved = await target();
      const est = await establish(
        resolved,
        {
          clock,
          logger: logger.child('signin'),
          browser: deps.browser,
          ...(deps.externalUrls ? { externalUrls: deps.externalUrls } : {}),
          ...(deps.retry ? { retry: deps.retry } : {}),
          ...(deps.signInTimeoutMs ? { signInTimeoutMs: deps.signInTimeoutMs } : {}),
          onPhase: (phase, wait) => {
            task.progress({ label: PHASE_LABEL[phase] });
            events.publish('auth.progress', { taskId, phase, ...(wait ?? {}) });
          },
        },
        task.signal,
      ).catch((e: unknown) => {
        throw explainLoopbackFailure(e, resolved.address, deps.sandbox.running());
      });
      if (task.signal.aborted) {
        await est.trust.close();
        throw new AppFailure({ code: 'CANCELLED', message: 'Sign-in was cancelled.' });
      }
      await activate(resolved, est);
      task.progress({ label: `Signed in as ${est.identity.displayName}` });
      return state();
    });
  }

  async function restore(): Promise<void> {
    const parsed = SessionRecordSchema.safeParse(await kv.get(SESSION_KEY));
    if (!parsed.success) return;
    const record = parsed.data;
    const addr = parseWorkspaceUrl(record.workspace.url);
    // A sandbox session lives only as long as that sandbox (its URL and CA change with every start).
    const sandbox = addr.ok && addr.value.kind === 'sandbox' ? deps.sandbox.running() : undefined;
    if (!addr.ok || (addr.value.kind === 'sandbox' && sandbox?.url !== addr.value.url)) {
      await vault.remove(vaultKey(record.workspace.url));
      await kv.delete(SESSION_KEY);
      return;
    }
    const rebuilt = methodFromRecord(record, await vault.get(vaultKey(record.workspace.url)));
    const trust = createTlsTrust(sandbox?.caPem);
    const http = createHttpClient({ trust, clock, logger: logger.child('http'), ...(deps.retry ? { retry: deps.retry } : {}) });
    const method = rebuilt.method;
    const kit =
      method.method === 'pat'
        ? undefined
        : createOAuthKit({ http, origin: addr.value.url, clock, logger: logger.child('oauth'), context: { host: addr.value.host }, ...(record.plan.accountId ? { accountId: record.plan.accountId } : {}) });
    const m = method;
    live = createLiveSession({
      ...(deps.retry ? { retry: deps.retry } : {}),
      workspace: record.workspace,
      identity: record.identity,
      plan: record.plan,
      method: m,
      http,
      trust,
      kit,
      initial: m.method === 'pat' && m.token ? { accessToken: m.token, expiresAt: undefined } : undefined,
      renew: kit && rebuilt.complete ? renewerFor(m, kit, clock, rebuilt.refreshToken) : undefined,
      persist: async (next) => {
        if (m.method === 'oauth-u2m') await vault.put(vaultKey(record.workspace.url), vaultSecretsFor(m, next));
      },
      onTokenChange: publish,
      signedOut: !rebuilt.complete,
      sandboxWorkspace: sandbox !== undefined,
      clock,
      logger: logger.child('live'),
    });
    logger.info('restored the saved session', { host: record.workspace.host, method: record.plan.method, signedOut: !rebuilt.complete });
  }

  function reauthTarget(current: LiveSession): () => Promise<ResolvedTarget> {
    return async () => {
      const addr = parseWorkspaceUrl(current.workspace.url);
      if (!addr.ok) return fail('INTERNAL', 'The saved workspace address is no longer valid.');
      const sandbox = current.sandboxWorkspace ? await deps.sandbox.start() : undefined;
      if (missingSecret(current.method)) throw new AppFailure(authFailure('secret-missing'));
      return {
        address: addr.value,
        label: current.workspace.label,
        auth: current.method,
        ...(current.plan.accountId ? { accountId: current.plan.accountId } : {}),
        ...(current.plan.profile ? { profile: current.plan.profile } : {}),
        ...(sandbox ? { sandbox } : {}),
      };
    };
  }

  return {
    state,
    async signIn(input) {
      return run(input.taskId, async () => {
        const file = input.workspace.kind === 'profile' ? await readProfileFile((deps.configPath ?? configFilePath)()) : undefined;
        // A typed or recent loopback address may be the running sandbox: resolveTarget checks the address.
        const sandbox = input.workspace.kind === 'sandbox' ? await deps.sandbox.start() : deps.sandbox.running();
        const all = await recents.list();
        return resolveTarget({
          workspace: input.workspace,
          auth: input.auth,
          useProfileSecret: input.useProfileSecret,
          profiles: file?.profiles ?? [],
          recent: (url) => all.find((r) => r.url === url),
          ...(sandbox ? { sandbox } : {}),
        });
      });
    },
    async reauthenticate(options) {
      if (!live) return fail('NOT_CONNECTED', 'ucbridge is not connected to a workspace.', 'Sign in on the Authenticate step first; re-authenticating repeats that sign-in.');
      return run(options?.taskId ?? `reauth-${randomBytes(6).toString('hex')}`, reauthTarget(live));
    },
    async disconnect({ uninstall }) {
      const current = live;
      if (!current) return fail('NOT_CONNECTED', 'ucbridge is not connected to a workspace.', 'There is nothing to disconnect. Sign in on the Authenticate step first.');
      if (uninstall) {
        if (!uninstaller) return fail('UNSUPPORTED', 'There is nothing to uninstall yet.', 'Disconnect without uninstalling.');
        await uninstaller(current.connection, current.connection.signal);
      }
      const outcome = await revokeSession(current, logger.child('revoke'));
      live = undefined;
      await current.close();
      await vault.remove(vaultKey(current.workspace.url));
      await kv.delete(SESSION_KEY);
      logger.info('disconnected', { host: current.workspace.host, revoked: outcome.revoked });
      publish();
      return { revoked: outcome.revoked, manualRevocationSteps: [...outcome.manualRevocationSteps] };
    },
    async choices() {
      const path = (deps.configPath ?? configFilePath)();
      const file = await readProfileFile(path);
      const reason = deps.sandbox.unavailableReason;
      return {
        profiles: file.profiles.map(summarizeProfile),
        profilesSource: { path, ...(file.problem ? { problem: file.problem } : {}) },
        recents: [...(await recents.list())],
        sandbox: { available: reason === undefined, running: deps.sandbox.running() !== undefined, ...(reason ? { reason } : {}) },
        defaults: { redirectUris: [...DEFAULT_REDIRECT_URIS], scopes: [...DEFAULT_U2M_SCOPES] },
      };
    },
    async startSandbox() {
      if (deps.sandbox.unavailableReason) return fail('UNSUPPORTED', deps.sandbox.unavailableReason);
      const s = await deps.sandbox.start();
      return { url: s.url, label: 'Local sandbox', clientId: s.clientId, redirectUris: [...s.redirectUris], demoUsers: s.demoUsers.map((u) => ({ ...u })) };
    },
    forgetRecent: (url) => recents.forget(url),
    setUninstaller(fn) {
      uninstaller = fn;
    },
    requireConnection() {
      if (!live) throw new AppFailure({ code: 'NOT_CONNECTED', message: 'ucbridge is not connected to a workspace.', hint: 'Sign in on the Authenticate step first.' });
      if (live.tokens.state().state === 'signin-required') throw new AppFailure(authFailure('signin-required'));
      return live.connection;
    },
    restore,
    async dispose() {
      const current = live;
      live = undefined;
      await current?.close();
      await deps.sandbox.stop();
    },
  };
}
