import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningEmulator } from '../../../emulator/start';
import type { SenderInfo, SenderPolicy } from '../../gateway/sender-policy';
import { composeMain, type MainApp } from '../../main/compose';
import { createNodeMainPorts } from '../../node/node-main-ports';
import type { SecretCipher } from '../../ports';
import { runningSandbox } from '../session/emulator-sandbox';
import { createSecretVault } from '../vault/secret-vault';
import { readSpSecret } from './sp-secrets';

/** Tests read nested values the gateway has already checked against the contract. */
export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const sender: SenderInfo = { id: 1, isMainFrame: true, url: 'app://ucbridge/index.html' };
const policy = (): SenderPolicy => ({ trustedIds: new Set([1]), origins: [{ protocol: 'app:', host: 'ucbridge' }] });

export interface ComposedApp {
  readonly app: MainApp;
  readonly userDataDir: string;
  /** A channel call as the window makes it: validated input, a result value out. */
  call(channel: string, input?: unknown): Promise<{ ok: true; value: Json } | { ok: false; error: { code: string; message: string; hint?: string } }>;
  /** What the app's vault holds for a service principal (read with the app's own cipher and blob store). */
  spSecret(applicationId: string): Promise<{ readonly clientId: string; readonly clientSecret: string } | undefined>;
  /** Every event published, in order. */
  readonly events: { name: string; payload: Json }[];
  /** The first event (already published or still to come) that matches: what a test waits on instead of sleeping. */
  event(name: string, match: (payload: Json) => boolean): Promise<Json>;
  /** Disposes the app and removes its userData folder. */
  close(): Promise<void>;
}

let n = 0;
/** A fresh task id for each long call. */
export const taskId = (prefix = 'integration'): string => `${prefix}-${Date.now().toString(36)}-${++n}`;

/** The real main process (composeMain over Node ports) with the sandbox as its "Local sandbox", signed in by PAT (the admin, or a named user) or as a service principal (M2M). */
export async function composedWithSandbox(
  emulator: RunningEmulator,
  who?: string | { readonly clientId: string; readonly clientSecret: string },
  options: { readonly cipher?: SecretCipher } = {},
): Promise<ComposedApp> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'ucb-integration-'));
  const ports = await createNodeMainPorts({ userDataDir, host: 'harness', policy, ...(options.cipher ? { cipher: options.cipher } : {}) });
  const app = await composeMain({ ...ports, sandbox: runningSandbox(emulator) });
  const events: { name: string; payload: Json }[] = [];
  const waiters = new Set<{ name: string; match: (p: Json) => boolean; resolve: (p: Json) => void }>();
  app.events.subscribe((name, payload) => {
    events.push({ name, payload: payload as Json });
    for (const w of waiters) {
      if (w.name !== name || !w.match(payload as Json)) continue;
      waiters.delete(w);
      w.resolve(payload as Json);
    }
  });
  const event = (name: string, match: (p: Json) => boolean): Promise<Json> => {
    const seen = events.find((e) => e.name === name && match(e.payload));
    return seen ? Promise.resolve(seen.payload) : new Promise((resolve) => waiters.add({ name, match, resolve }));
  };
  const call = (channel: string, input: unknown = {}) => app.gateway.dispatch(sender, channel, input) as ReturnType<ComposedApp['call']>;
  const user = typeof who === 'string' ? emulator.users.find((u) => u.userName === who)! : emulator.users.find((u) => u.admin)!;
  const auth = typeof who === 'object' ? { method: 'oauth-m2m', ...who } : { method: 'pat', token: user.token };
  const signedIn = await call('auth.signIn', { taskId: taskId('signin'), workspace: { kind: 'sandbox' }, auth, useProfileSecret: false });
  if (!signedIn.ok) throw new Error(`sign-in failed: ${signedIn.error.message}`);
  // A fresh vault per read: a cached copy would hide that the app removed the secret.
  const spSecret = (id: string) => readSpSecret(createSecretVault({ cipher: ports.cipher, blobs: ports.blobs, logger: ports.logger }), id);
  const close = async () => {
    await app.dispose();
    await rm(userDataDir, { recursive: true, force: true });
  };
  return { app, userDataDir, call, events, event, spSecret, close };
}

/** The demo seed's admin and an analyst without admin rights (Siobhán), each in an app of their own. */
export const adminAndAnalyst = (emulator: RunningEmulator): Promise<[ComposedApp, ComposedApp]> =>
  Promise.all([composedWithSandbox(emulator), composedWithSandbox(emulator, 'siobhan.obrien@lakeside.example')]);

export interface SandboxSettingsOptions {
  readonly audit?: boolean;
  readonly governed?: readonly string[];
  readonly mode?: 'automatic' | 'manual';
  /** Default: the sandbox's second (non-admin) service principal, `bi-dashboards`. */
  readonly servicePrincipal?: { readonly applicationId: string; readonly displayName: string };
  /** Each on the main warehouse's path unless it names its own. */
  readonly additional?: readonly { readonly workspaceUrl: string; readonly catalogs: readonly string[]; readonly httpPath?: string }[];
  /** Default: MANAGE on each governed catalog. */
  readonly manageScope?: 'catalog' | 'schema';
  readonly storageLocation?: string;
}

/** Integration settings for the sandbox as `integration.saveSettings` takes them: catalog `ucbridge` on its first warehouse. */
export function sandboxSettings(emulator: RunningEmulator, o: SandboxSettingsOptions = {}) {
  const sp = o.servicePrincipal ?? { applicationId: emulator.servicePrincipals[1]!.applicationId, displayName: emulator.servicePrincipals[1]!.displayName };
  const httpPath = emulator.warehouses[0]!.httpPath;
  return {
    config: {
      workspaceUrl: emulator.workspaceUrl,
      httpPath,
      catalog: 'ucbridge',
      audit: { enabled: o.audit ?? false },
      servicePrincipal: { applicationId: sp.applicationId },
      governedCatalogs: [...(o.governed ?? ['main', 'finance', 'analytics'])],
      ...(o.manageScope ? { manageScope: o.manageScope } : {}),
      ...(o.storageLocation ? { storageLocation: o.storageLocation } : {}),
      ...(o.additional ? { additionalWorkspaceConnections: o.additional.map((w) => ({ ...w, catalogs: [...w.catalogs], httpPath: w.httpPath ?? httpPath })) } : {}),
    },
    mode: o.mode ?? 'automatic',
    servicePrincipal: { displayName: sp.displayName, createdByUcbridge: false, secretInVault: false },
  };
}
