import type { EmulatorOptions, RunningEmulator } from '../../../emulator/start';
import type { SandboxDetails, SandboxLauncher } from './sandbox-launcher';

/** What the Authenticate step needs from a running sandbox. */
export function sandboxDetails(e: RunningEmulator): SandboxDetails {
  return {
    url: e.workspaceUrl,
    caPem: e.caCertPem,
    accountId: e.accountId,
    clientId: e.oauth.u2mClientId,
    redirectUris: [...e.oauth.redirectUris],
    demoUsers: e.users.map((u) => ({ userName: u.userName, displayName: u.displayName, password: u.password, admin: u.admin })),
  };
}

/** A launcher over a sandbox someone else started and stops (tests, benchmarks, the dev harness). */
export function runningSandbox(e: RunningEmulator): SandboxLauncher {
  const details = sandboxDetails(e);
  return { start: async () => details, running: () => details, stop: async () => undefined };
}

/**
 * Starts the sandbox in this process on first use — only possible when running from source, where `emulator/`
 * and its dev dependencies (oidc-provider, DuckDB) are present. The import is dynamic so the desktop bundle
 * never pulls the emulator in.
 */
export function emulatorSandbox(options: EmulatorOptions = {}): SandboxLauncher {
  let running: Promise<RunningEmulator> | undefined;
  let details: SandboxDetails | undefined;
  return {
    async start() {
      running ??= import('../../../emulator/start').then(({ startEmulator }) => startEmulator(options));
      running.catch(() => (running = undefined));
      details = sandboxDetails(await running);
      return details;
    },
    running: () => details,
    async stop() {
      const current = running;
      running = undefined;
      details = undefined;
      if (current) await (await current).stop();
    },
  };
}
