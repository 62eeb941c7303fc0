import { chromium, expect, type ElectronApplication, type Page } from '@playwright/test';
import { require as tsxRequire } from 'tsx/cjs/api';
import type { IntegrationHost } from '../scenarios/integration/integration-host';
import { completeSandboxLogin } from '../scenarios/integration/sandbox-login-page';
import { signInUnlessSignedIn } from '../scenarios/integration/signed-in';
import { electronHost } from './electron-host';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './environment';

type IdentitiesModule = typeof import('../../emulator/seeds/identities-demo');
type WarehousesModule = typeof import('../../emulator/seeds/warehouses-demo');

type MainGlobals = typeof globalThis & {
  __e2eOpened?: string[];
  __ucbridgeMain?: {
    session: { requireConnection(): { sql(httpPath: string): Promise<{ execute(sql: string): Promise<unknown>; close(): Promise<void> }> } };
  };
};

/** The demo seed the desktop app's Local sandbox starts with: its admin, running warehouse and service principal. */
function demoSeed() {
  const { DEMO_IDENTITIES } = tsxRequire('../../emulator/seeds/identities-demo.ts', __filename) as IdentitiesModule;
  const { DEMO_WAREHOUSES } = tsxRequire('../../emulator/seeds/warehouses-demo.ts', __filename) as WarehousesModule;
  const admin = DEMO_IDENTITIES.users.find((u) => u.groups.includes('admins'));
  const running = DEMO_WAREHOUSES('seed').find((w) => w.state === 'RUNNING');
  const sp = DEMO_IDENTITIES.servicePrincipals[0];
  if (!admin || !running || !sp) throw new Error('the demo seed has no admin, running warehouse or service principal');
  return { adminUserName: admin.userName, runningWarehouse: running.name, servicePrincipal: sp.displayName };
}

/**
 * U2M in the desktop app: main's "open the system browser" is replaced (in main, for this test) by recording the
 * authorize URL, which a separate Debian chromium — the user's browser — opens to sign in on the sandbox's pages.
 * The admin's sandbox password is read where a person reads it: the Authenticate step's demo-user table.
 */
async function signInThroughSystemBrowser(app: ElectronApplication, page: Page, adminUserName: string): Promise<void> {
  await app.evaluate(({ shell }) => {
    const g = globalThis as MainGlobals;
    g.__e2eOpened = [];
    // eslint-disable-next-line no-restricted-syntax -- replaced, not called: the test opens the page instead of the OS
    shell.openExternal = async (url: string) => void g.__e2eOpened?.push(url);
  });
  await page.getByTestId('workspace-picker').getByRole('radio', { name: 'Local sandbox' }).check();
  await page.getByTestId('start-sandbox').click();
  const ready = page.getByTestId('sandbox-ready');
  await expect(ready).toBeVisible({ timeout: 60_000 });
  await ready.getByRole('button', { name: /Demo users/ }).click();
  const password = ((await ready.getByRole('row').filter({ hasText: adminUserName }).locator('td').nth(2).textContent()) ?? '').trim();
  await page.getByTestId('sign-in').click();
  let authorizeUrl: string | undefined;
  await expect.poll(async () => (authorizeUrl = await app.evaluate(() => (globalThis as MainGlobals).__e2eOpened?.[0])), { timeout: 20_000 }).toBeTruthy();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
  try {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const login = await context.newPage();
    await login.goto(authorizeUrl!);
    await completeSandboxLogin(login, { userName: adminUserName, password });
    await expect(page.getByTestId('identity-card')).toBeVisible({ timeout: 20_000 });
  } finally {
    await browser.close();
  }
}

export function electronIntegrationHost(app: ElectronApplication, page: Page): IntegrationHost {
  const demo = demoSeed();
  return {
    ...electronHost(app),
    signIn: (p) => signInUnlessSignedIn(p, () => signInThroughSystemBrowser(app, p, demo.adminUserName)),
    // The signed-in admin runs the script through the app's own connection, on the warehouse the form shows.
    async runAsAdmin(statements) {
      const httpPath = ((await page.getByTestId('warehouse-http-path').locator('code').textContent()) ?? '').trim();
      await app.evaluate(async (_electron, { statements, httpPath }) => {
        const main = (globalThis as MainGlobals).__ucbridgeMain;
        if (!main) throw new Error('main did not expose __ucbridgeMain (start it with UCBRIDGE_E2E=1, unpackaged)');
        const session = await main.session.requireConnection().sql(httpPath);
        try {
          for (const statement of statements) await session.execute(statement);
        } finally {
          await session.close();
        }
      }, { statements, httpPath });
    },
    demo: { runningWarehouse: demo.runningWarehouse, servicePrincipal: demo.servicePrincipal, governedCatalog: 'finance' },
  };
}
