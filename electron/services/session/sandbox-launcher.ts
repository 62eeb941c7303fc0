/**
 * The "Local sandbox" workspace choice. When ucbridge runs from source, the host hands composeMain a launcher that
 * starts the sandbox (the emulator) in-process; a packaged app has none, and the choice says why. The sandbox's
 * CA is trusted for that session's connections only (see TlsTrust), never process-wide.
 */
export interface SandboxDetails {
  /** `https://127.0.0.1:<port>` */
  readonly url: string;
  readonly caPem: string;
  readonly accountId: string;
  /** The sandbox's U2M app connection: a public client with these exact redirect URIs. */
  readonly clientId: string;
  readonly redirectUris: readonly string[];
  /** Who can sign in on the sandbox's login page (sandbox-only passwords, shown to the user on purpose). */
  /** `admin`: a workspace admin (in the admins group), who can set the integration up; the others cannot. */
  readonly demoUsers: readonly { readonly userName: string; readonly displayName: string; readonly password: string; readonly admin: boolean }[];
}

export interface SandboxLauncher {
  /** Why not, when the sandbox cannot run here (a packaged app, say). */
  readonly unavailableReason?: string;
  /** Starts it once; later calls return the running one. */
  start(): Promise<SandboxDetails>;
  /** The running sandbox, if any. */
  running(): SandboxDetails | undefined;
  stop(): Promise<void>;
}

export const NO_SANDBOX: SandboxLauncher = {
  unavailableReason: 'The local sandbox is only available when ucbridge runs from its source code (npm start).',
  start: () => Promise.reject(new Error('no sandbox')),
  running: () => undefined,
  stop: async () => undefined,
};
