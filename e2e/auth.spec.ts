import { expect, type Page } from '@playwright/test';
import { inspect } from './scenarios/inspect';
import { wizard } from './scenarios/wizard';
import { test, type AuthWorld } from './support/auth-fixture';
import { CHROMIUM_MISSING, hasChromium, SCREENSHOT_DIR } from './support/environment';
import { join } from 'node:path';

// Without /usr/bin/chromium global-setup prints the one reason line (and fails the run under CI=true).
test.skip(!hasChromium(), CHROMIUM_MISSING);

const host = { screenshotPath: (name: string) => join(SCREENSHOT_DIR, `auth-${name}.png`) } as Parameters<typeof inspect>[1];

/** The sandbox's sign-in and consent pages, as a person would use them (labels and button names). */
const signInAs = (world: AuthWorld, consent: 'Allow' | 'Deny', admin = true) => async (page: Page) => {
  const user = world.emulator.users.find((u) => u.admin === admin)!;
  const email = page.getByLabel('Email');
  if (await email.isVisible()) {
    await email.fill(user.userName);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }
  const button = page.getByRole('button', { name: consent });
  if (await button.isVisible().catch(() => false)) await button.click();
  await page.waitForURL(/sign-in-result/);
  await page.close();
};

async function chooseSandbox(page: Page): Promise<void> {
  const w = wizard(page);
  await w.ready();
  const picker = page.getByTestId('workspace-picker');
  await picker.getByRole('radio', { name: 'Local sandbox' }).check();
  await page.getByTestId('start-sandbox').click();
  await expect(page.getByTestId('sandbox-ready')).toBeVisible();
  await expect(page.getByRole('radio', { name: /Sign in with your browser/ })).toBeChecked();
}

test.describe('sign-in through the sandbox in Debian chromium', () => {
  test.describe.configure({ mode: 'serial' });

  test('full U2M flow through the sandbox login page shows who you are', async ({ page, auth }) => {
    const admin = auth.emulator.users.find((u) => u.admin)!;
    auth.onSignInPage(signInAs(auth, 'Allow'));
    await chooseSandbox(page);
    await inspect(page, host, 'sandbox-ready');
    // The demo users say who is a workspace admin (step 2 needs one).
    await page.getByTestId('demo-users').getByRole('button', { name: /Demo users/ }).click();
    await expect(page.getByRole('row', { name: new RegExp(admin.userName) })).toContainText('workspace admin');
    const user = auth.emulator.users.find((u) => !u.admin)!;
    await expect(page.getByRole('row', { name: new RegExp(user.userName) })).not.toContainText('workspace admin');
    await page.getByTestId('sign-in').click();
    const card = page.getByTestId('identity-card');
    await expect(card).toBeVisible({ timeout: 20_000 });
    await auth.browserDone();
    await expect(card.getByRole('heading')).toContainText(`Signed in as ${admin.displayName}`);
    await expect(page.getByTestId('admin-badge')).toHaveText('workspace admin');
    await expect(page.getByTestId('identity-user')).toHaveText(admin.userName);
    await expect(page.getByTestId('identity-groups')).toContainText('admins');
    await expect(page.getByTestId('workspace-id')).toHaveText(auth.emulator.workspaceId);
    await expect(page.getByTestId('token-expiry')).toContainText(/Valid, expires in (59 min|1 h 0 min)/);
    await expect(wizard(page).fact('identity')).toContainText(admin.displayName);
    await inspect(page, host, 'signed-in');
  });

  test('re-authenticate runs the browser sign-in again, gets new tokens and keeps the workspace', async ({ page, auth }) => {
    auth.onSignInPage(signInAs(auth, 'Allow'));
    const w = wizard(page);
    await w.ready();
    await expect(page.getByTestId('identity-card'), 'continues from the sign-in of the test before').toBeVisible();
    const savedBefore = await auth.savedSession();
    expect(savedBefore, 'the first sign-in saved a session').toBeDefined();
    const mark = auth.emulator.requestLog.mark();
    await w.header.getByRole('button', { name: 'Re-authenticate' }).click();
    await expect(w.header.getByRole('button', { name: 'Re-authenticate' })).toHaveText('Re-authenticate', { timeout: 20_000 });
    await auth.browserDone();
    await expect(page.getByTestId('identity-card')).toContainText(auth.emulator.workspaceUrl);
    expect(await auth.harness.app.session.state()).toMatchObject({ workspace: { url: auth.emulator.workspaceUrl }, token: { state: 'valid' } });
    // New tokens, not the old ones kept: the browser went through the authorize page again, the app exchanged a
    // new code at the token endpoint, and the vault now holds a different refresh token.
    const after = auth.emulator.requestLog.entries({ after: mark });
    expect(after.filter((e) => e.path === '/oidc/v1/authorize').length, 'authorize requests').toBeGreaterThanOrEqual(1);
    expect(after.filter((e) => e.method === 'POST' && e.path === '/oidc/v1/token' && e.status === 200).length, 'successful token requests').toBeGreaterThanOrEqual(1);
    const savedAfter = await auth.savedSession();
    expect(savedAfter).toBeDefined();
    expect(savedAfter).not.toEqual(savedBefore);
  });

  test('disconnect forgets the session and says where to revoke', async ({ page, auth }) => {
    const w = wizard(page);
    await w.ready();
    await w.header.getByRole('button', { name: 'Disconnect' }).click();
    const dialog = page.getByRole('alertdialog', { name: /Disconnect from Local sandbox\?/ });
    await dialog.getByRole('button', { name: 'Disconnect' }).click();
    // The finished dialog says what happened in its title, not the question it asked.
    await expect(page.getByRole('alertdialog', { name: 'Disconnected from Local sandbox' })).toBeVisible();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('disconnect-outcome')).toContainText(`client id ${auth.emulator.oauth.u2mClientId}`);
    await inspect(page, host, 'disconnected');
    await page.keyboard.press('Escape');
    await expect(w.fact('identity')).toContainText('Not signed in');
    await expect(page.getByTestId('identity-card')).toHaveCount(0);
    expect((await auth.harness.app.session.state()).workspace).toBeNull();
  });

  test('denied consent fails with the reason and the fix', async ({ page, auth }) => {
    await auth.freshBrowserSession();
    auth.onSignInPage(signInAs(auth, 'Deny', false));
    await chooseSandbox(page);
    await page.getByTestId('sign-in').click();
    const error = wizard(page).errorView('Sign in');
    await expect(error).toBeVisible({ timeout: 20_000 });
    await auth.browserDone();
    await expect(error.getByRole('alert')).toContainText('Sign-in was declined in the browser.');
    await expect(error).toContainText('choose Allow');
    await inspect(page, host, 'consent-denied');
  });

  test('waiting for the browser offers the link and Cancel, which stops the sign-in', async ({ page, auth }) => {
    await auth.freshBrowserSession();
    auth.onSignInPage(async () => undefined); // the user never finishes in the browser
    await chooseSandbox(page);
    await page.getByTestId('sign-in').click();
    const waiting = page.getByTestId('waiting-for-browser');
    await expect(waiting).toBeVisible({ timeout: 20_000 });
    await expect(waiting.getByRole('button', { name: 'Copy sign-in link' })).toBeVisible();
    // Step 1 says what is true while the browser is awaited: in progress, not "Not started".
    const w = wizard(page);
    await expect(w.stepButton('authenticate')).toHaveAttribute('data-status', 'in-progress');
    await expect(w.stepButton('authenticate')).toContainText('In progress');
    await expect(page.getByTestId('step-status')).toHaveText('In progress');
    await inspect(page, host, 'waiting-for-browser');
    await waiting.getByRole('button', { name: 'Cancel sign-in' }).click();
    await expect(waiting).toHaveCount(0);
    await expect(page.getByTestId('sign-in')).toHaveText('Sign in');
    await expect(w.stepButton('authenticate')).toHaveAttribute('data-status', 'not-started');
    // Cancelling is not an error: no failure notice, no leftover "Cancelled" card.
    await expect(page.getByTestId('error-view')).toHaveCount(0);
    await expect(page.getByTestId('progress-view')).toHaveCount(0);
    expect((await auth.harness.app.session.state()).workspace).toBeNull();
  });

  test('the typed-address form explains a hostile or foreign address inline', async ({ page }) => {
    await wizard(page).ready();
    const url = page.getByTestId('workspace-url');
    // A refused submit: the problem under the field, and beside the Sign in button which field it is (a link to it),
    // not "Some fields need attention." in a corner.
    await page.getByTestId('sign-in').click();
    const problems = page.getByTestId('sign-in-problems');
    await expect(problems).toHaveText('1 field needs attention: Workspace or account console address.');
    await expect(page.getByTestId('status-line')).not.toContainText('Some fields need attention');
    await problems.getByRole('link', { name: 'Workspace or account console address' }).click();
    await expect(url).toBeFocused();
    await url.fill('https://adb-1234567890123456.7.azuredatabricks.net');
    await expect(problems).toHaveCount(0);
    await url.fill('https://myco.cloud.databricks.com.evil.example/?o=1');
    await expect(page.getByTestId('workspace-picker').getByRole('alert')).toContainText('is not a Databricks workspace');
    await url.fill('https://adb-1234567890123456.7.azuredatabricks.net/?o=1234567890123456');
    await page.getByRole('button', { name: 'Use https://adb-1234567890123456.7.azuredatabricks.net' }).click();
    await expect(url).toHaveValue('https://adb-1234567890123456.7.azuredatabricks.net');
    await page.getByRole('radio', { name: /Personal access token/ }).check();
    await expect(page.getByTestId('pat-fields')).toContainText('OAuth for production');
    await inspect(page, host, 'typed-address');
  });
  test('a typed address of an earlier sandbox says the sandbox moved (not a network or proxy problem) and offers it', async ({ page }) => {
    await wizard(page).ready();
    // Signed in to the sandbox twice before (two addresses in a real run): one recent "Local sandbox", which means the
    // sandbox, not its old address; while the sandbox runs, nothing offers to start it again.
    const recents = page.getByTestId('recent-workspaces');
    await expect(recents.getByRole('button', { name: 'Local sandbox', exact: true })).toHaveCount(1);
    await recents.getByRole('button', { name: 'Local sandbox', exact: true }).click();
    await expect(page.getByTestId('workspace-picker').getByRole('radio', { name: 'Local sandbox' })).toBeChecked();
    await expect(page.getByTestId('start-sandbox')).toHaveText('Use the running sandbox');
    await page.getByTestId('workspace-picker').getByRole('radio', { name: 'Workspace address' }).check();
    // Port 9 on loopback: nothing listens there, like the sandbox of an earlier run.
    await page.getByTestId('workspace-url').fill('https://127.0.0.1:9');
    await page.getByTestId('client-id').fill('abc');
    await page.getByTestId('sign-in').click();
    const error = wizard(page).errorView('Sign in');
    await expect(error).toBeVisible({ timeout: 20_000 });
    await expect(error).toContainText('The local sandbox no longer runs at 127.0.0.1:9');
    await expect(error).not.toContainText(/VPN|proxy/);
    await error.getByRole('button', { name: 'Use the running sandbox' }).click();
    await expect(page.getByTestId('sandbox-ready')).toBeVisible();
    await expect(page.getByTestId('workspace-picker').getByRole('radio', { name: 'Local sandbox' })).toBeChecked();
    await expect(page.getByTestId('error-view')).toHaveCount(0);
    // While it runs, the panel offers no "Start the local sandbox".
    await expect(page.getByRole('button', { name: 'Start the local sandbox' })).toHaveCount(0);
  });
  test('re-authenticating from another step waits with the link to copy, and says so when no browser could be opened', async ({ page, auth }) => {
    await auth.freshBrowserSession();
    auth.onSignInPage(signInAs(auth, 'Allow'));
    await chooseSandbox(page);
    await page.getByTestId('sign-in').click();
    await expect(page.getByTestId('identity-card')).toBeVisible({ timeout: 20_000 });
    await auth.browserDone();
    const w = wizard(page);
    await w.stepButton('configure-integration').click();
    auth.browserUnavailable(true);
    try {
      await w.header.getByRole('button', { name: 'Re-authenticate' }).click();
      const waiting = page.getByTestId('waiting-for-browser');
      await expect(waiting).toBeVisible({ timeout: 20_000 });
      await expect(w.heading).toHaveText('Configure integration');
      await expect(waiting).toHaveAttribute('data-browser-opened', 'false');
      await expect(waiting).toContainText('ucbridge could not open a web browser on this computer');
      await expect(waiting).not.toContainText('should now show');
      await expect(waiting.getByRole('button', { name: 'Copy sign-in link' })).toBeVisible();
      // Re-authenticating from step 2: step 1 (not step 2) reads "In progress" until the sign-in ends.
      await expect(w.stepButton('authenticate')).toHaveAttribute('data-status', 'in-progress');
      await expect(w.stepButton('configure-integration')).not.toHaveAttribute('data-status', 'in-progress');
      await inspect(page, host, 'reauthenticate-no-browser');
      await waiting.getByRole('button', { name: 'Cancel sign-in' }).click();
      await expect(waiting).toHaveCount(0);
      await expect(w.stepButton('authenticate')).toHaveAttribute('data-status', 'done');
      // One sign-in, one card: cancelled, it leaves no "Cancelled" card and no failure behind.
      await expect(page.getByTestId('progress-view')).toHaveCount(0);
      await expect(page.getByTestId('error-view')).toHaveCount(0);
    } finally {
      auth.browserUnavailable(false);
    }
  });
});
