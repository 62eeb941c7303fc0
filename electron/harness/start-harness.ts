import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { AppLoggerOptions } from '../logging/app-logger';
import { composeMain, type MainApp } from '../main/compose';
import { createNodeMainPorts } from '../node/node-main-ports';
import type { BrowserOpener, Clock, SecretCipher } from '../ports';
import type { SandboxLauncher } from '../services/session/sandbox-launcher';
import { createHarnessAccess, type OneTimeUrl } from './harness-access';
import { attachHarnessSocket } from './harness-socket';
import { createStaticHandler } from './static-handler';

export interface HarnessOptions {
  /** Where logs, state and secrets go; e2e tests and benchmarks pass a fresh temporary directory. */
  readonly userDataDir: string;
  /** The built renderer. Defaults to `out/renderer` in this repository. */
  readonly rendererDir?: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  readonly cipher?: SecretCipher;
  /** What "open in the system browser" does; e2e tests pass one that drives their own browser. */
  readonly browser?: BrowserOpener;
  readonly clock?: Clock;
  readonly log?: Omit<AppLoggerOptions, 'logDir'>;
  /** The "Local sandbox" workspace choice (the emulator, in-process); absent, the choice says it is unavailable. */
  readonly sandbox?: SandboxLauncher;
}

export interface Harness {
  /** `http://127.0.0.1:<port>/`: what the address bar shows once signed in. Without the session cookie it serves nothing. */
  readonly url: string;
  /** A new one-time URL (`/login?token=…`), for the person who started the harness: print it or open it, once. */
  oneTimeUrl(): OneTimeUrl;
  readonly secret: string;
  readonly app: MainApp;
  close(): Promise<void>;
}

export const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));

/**
 * The browser harness: the real main process (same `composeMain`, gateway and services) behind a loopback HTTP
 * server that serves the built renderer and carries the contract over a WebSocket, both to its user's browser only
 * (a one-time URL exchanged for a session cookie: harness-access.ts) and the socket also guarded by a per-run secret.
 */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const secret = randomBytes(32).toString('hex');
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const origin = `http://${host}`;
  const access = createHarnessAccess(origin, (server.address() as AddressInfo).port);

  // Open, authenticated socket connections; the socket fills it, the sender policy reads it.
  const trusted = new Set<number>();
  const ports = await createNodeMainPorts({
    userDataDir: options.userDataDir,
    host: 'harness',
    cipher: options.cipher,
    browser: options.browser,
    clock: options.clock,
    log: options.log,
    policy: () => ({ trustedIds: trusted, origins: [{ protocol: 'http:', host }] }),
  });
  const app = await composeMain(options.sandbox ? { ...ports, sandbox: options.sandbox } : ports);
  const socket = attachHarnessSocket({
    server,
    origin,
    host,
    secret,
    access,
    trusted,
    gateway: app.gateway,
    events: app.events,
    logger: ports.logger.child('harness'),
  });
  const serve = createStaticHandler({ rendererDir: options.rendererDir ?? DEFAULT_RENDERER_DIR, secret, host, access });
  server.on('request', (req, res) => void serve(req, res));
  ports.logger.info('browser harness listening', { url: `${origin}/` });

  return {
    url: `${origin}/`,
    oneTimeUrl: () => access.oneTimeUrl(),
    secret,
    app,
    async close() {
      await socket.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.dispose();
    },
  };
}
