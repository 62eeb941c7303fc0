import { readdir, readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { require as tsxRequire } from 'tsx/cjs/api';
import type { RunningEmulator } from '../../emulator/start';
import type { Harness } from '../../electron/harness/start-harness';
import { PARTNER_USER_AGENT } from '../../shared/product';
import { watchConsole } from './console-guard';
import { REPO_ROOT } from './environment';
import { loadMainModules } from './main-modules';

type EmulatorModule = typeof import('../../emulator/start');
type SandboxModule = typeof import('../../electron/services/session/emulator-sandbox');
type VaultModule = typeof import('../../electron/services/vault/secret-vault');
type SecretCipher = import('../../electron/ports').SecretCipher;

/** What the "system browser" does with the sign-in page main asks it to open. */
export type BrowserScript = (page: Page) => Promise<void>;

export interface AuthWorld {
  readonly harness: Harness;
  readonly emulator: RunningEmulator;
  readonly userDataDir: string;
  /** Sets what the system browser does with the next sign-in page (fill the login form, allow or deny). */
  onSignInPage(script: BrowserScript): void;
  /** Settles the last browser script (and rethrows its failure). */
  browserDone(): Promise<void>;
  /** While true, opening the system browser fails (no browser on this computer): the link is the only way. */
  browserUnavailable(unavailable: boolean): void;
  /** Forgets the system browser's cookies: the next sign-in meets the login page again. */
  freshBrowserSession(): Promise<void>;
  /** Values the sandbox issued during this run that no file may contain (codes, refresh tokens). */
  readonly issued: Set<string>;
  /** What the app's vault holds for the sandbox's session (its refresh token…), read as the app reads it. */
  savedSession(): Promise<Readonly<Record<string, string>> | undefined>;
  cipher: SecretCipher;
}

/**
 * The sign-in e2e world, one per worker: the sandbox (the emulator, in-process) as the harness's "Local sandbox",
 * a secure in-memory keychain so the vault really persists (encrypted), and a BrowserOpener that hands the
 * authorize URL to a separate Chromium context — the user's system browser — driven by the test.
 */
export const test = base.extend<{ auth: AuthWorld }, { world: AuthWorld }>({
  world: [
    async ({ browser }, use) => {
      const { harness: harnessModule, node } = loadMainModules();
      const { startEmulator } = tsxRequire('../../emulator/start.ts', __filename) as EmulatorModule;
      const { runningSandbox } = tsxRequire('../../electron/services/session/emulator-sandbox.ts', __filename) as SandboxModule;
      const ports = [await freePort(), await freePort()];
      const emulator = await startEmulator({ oauth: { redirectUris: ports.map((p) => `http://localhost:${p}/callback`) }, log: () => undefined });
      const userDataDir = await mkdtemp(join(tmpdir(), 'ucbridge-e2e-auth-'));
      const system = await systemBrowser(browser);
      let script: BrowserScript = async () => undefined;
      let flow: Promise<void> = Promise.resolve();
      let noBrowser = false;
      const issued = new Set<string>();
      const cipher = node.createMemoryKeyCipher();
      const harness = await harnessModule.startHarness({
        userDataDir,
        rendererDir: join(REPO_ROOT, 'out', 'renderer'),
        cipher,
        sandbox: runningSandbox(emulator),
        browser: {
          async open(url) {
            if (noBrowser) throw new Error('no browser could be started');
            const page = await system.newPage();
            page.on('request', (r) => collectCode(r.url(), issued));
            flow = page.goto(url).then(() => script(page));
            flow.catch(() => undefined);
          },
        },
      });
      await use({
        harness,
        emulator,
        userDataDir,
        issued,
        cipher,
        onSignInPage: (s) => void (script = s),
        browserDone: () => flow,
        browserUnavailable: (unavailable) => void (noBrowser = unavailable),
        freshBrowserSession: () => system.clearCookies(),
        savedSession: () => savedSession(userDataDir, cipher, emulator.workspaceUrl),
      });
      await harness.close();
      await system.close();
      await emulator.stop();
      await rm(userDataDir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  auth: async ({ world }, use) => {
    await use(world);
    await expectNoLeaks(world);
  },
  page: async ({ page, world }, use) => {
    const problems = watchConsole(page);
    // As its user does: the one-time address (each test's page is a fresh browser context), then the clean one.
    await page.goto(world.harness.oneTimeUrl().url);
    await page.waitForURL(world.harness.url);
    await use(page);
    expect(problems(), 'console errors and uncaught errors in the page').toEqual([]);
  },
});

/** The user's own browser: a separate context that accepts the sandbox's test certificate (the app does not). */
async function systemBrowser(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  // Keep it on this machine (the reference's advice for hermetic Chromium runs).
  await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost|\[::1\])/, (route) => route.abort());
  return context;
}

function collectCode(url: string, into: Set<string>): void {
  const u = new URL(url);
  const code = u.searchParams.get('code');
  if (code && u.hostname === 'localhost') into.add(code);
}

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** REST and OAuth send the partner User-Agent as is; the SQL driver puts it first in its own (sql-factory.ts). */
const SQL_DRIVER_USER_AGENT = new RegExp(`^NodejsDatabricksSqlConnector/\\S+ \\(${PARTNER_USER_AGENT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')};`);
const carriesPartnerUserAgent = (ua: string | undefined): boolean => ua === PARTNER_USER_AGENT || SQL_DRIVER_USER_AGENT.test(ua ?? '');

/**
 * The two assertions every sign-in e2e run makes: every request the app sent to the sandbox carries the partner
 * User-Agent (the browser's own page loads — authorize, login, consent — are the browser's, not the app's), and no
 * token or secret the sandbox issued appears in any file under the test's userData folder, the logs included.
 */
async function expectNoLeaks(world: AuthWorld): Promise<void> {
  const appRequests = world.emulator.requestLog.entries().filter((e) => !/^\/oidc\/(?:v1\/authorize|interaction)/.test(e.path));
  for (const e of appRequests) expect(carriesPartnerUserAgent(e.userAgent), `${e.method} ${e.path}: ${e.userAgent}`).toBe(true);

  await world.harness.app.session.state();
  const saved = await world.savedSession();
  for (const v of Object.values(saved ?? {})) world.issued.add(v);
  const secrets = [
    ...world.issued,
    ...world.emulator.users.flatMap((u) => [u.token, u.password]),
    ...world.emulator.servicePrincipals.map((s) => s.clientSecret),
  ].filter((s) => s.length >= 8);
  for (const file of await filesUnder(world.userDataDir)) {
    const text = (await readFile(file)).toString('latin1');
    for (const s of secrets) expect(text.includes(s), `a sandbox-issued secret in ${file}`).toBe(false);
    expect(/eyJ[\w-]{8,}\.[\w-]{8,}\./.test(text), `a JWT in ${file}`).toBe(false);
  }
}

/** The vault entry of the sandbox's session, read from disk with the app's cipher (a fresh vault: no cached copy). */
async function savedSession(userDataDir: string, cipher: SecretCipher, workspaceUrl: string): Promise<Readonly<Record<string, string>> | undefined> {
  const { createSecretVault } = tsxRequire('../../electron/services/vault/secret-vault.ts', __filename) as VaultModule;
  const { node } = loadMainModules();
  const vault = createSecretVault({ cipher, blobs: node.createFileBlobStore(join(userDataDir, 'secrets')), logger: silentLogger });
  return vault.get(`session:${workspaceUrl}`);
}

const silentLogger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silentLogger };

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}
