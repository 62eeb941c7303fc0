import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { createTestTls } from '../electron/services/http/self-signed.test-support';
import { inspect } from './scenarios/inspect';
import { wizard } from './scenarios/wizard';
import { CHROMIUM_MISSING, hasChromium } from './support/environment';
import { test } from './support/harness-fixture';

// Without /usr/bin/chromium global-setup prints the one reason line (and fails the run under CI=true).
test.skip(!hasChromium(), CHROMIUM_MISSING);

test.describe('Connection settings: the CA certificate file, in Debian chromium through the browser harness', () => {
  test('a wrong path is refused with the fix; a real .pem is checked, used and removed', async ({ page, host }) => {
    const dir = await mkdtemp(join(tmpdir(), 'ucbridge-e2e-ca-'));
    const caPath = join(dir, 'company-ca.pem');
    await writeFile(caPath, createTestTls().caPem);
    try {
      await wizard(page).ready();
      await page.getByTestId('connection-settings-toggle').getByRole('button').click();
      const settings = page.getByTestId('connection-settings');
      // The harness runs on plain Node here, which cannot read the OS store: it says so rather than pretend.
      await expect(settings.getByTestId('ca-trust-status')).toContainText('cannot read your operating system’s certificates');

      const field = settings.getByRole('textbox', { name: 'CA certificate file' });
      await field.fill(join(dir, 'missing.pem'));
      await settings.getByRole('button', { name: 'Use this file' }).click();
      await expect(settings.getByRole('alert').filter({ hasText: 'There is no file at' })).toBeVisible();
      await expect(settings).toContainText('Check the path');
      await inspect(page, host, 'connection-settings-refused');

      await field.fill(caPath);
      await field.press('Enter');
      await expect(settings.getByTestId('ca-trust-status')).toContainText(`and 1 certificate from ${caPath}.`);
      await expect(page.getByTestId('connection-settings-toggle')).toContainText('CA certificate file set');
      await inspect(page, host, 'connection-settings-file');

      await settings.getByRole('button', { name: 'Stop using this file' }).click();
      await expect(settings.getByTestId('ca-trust-status')).not.toContainText(caPath);
      await expect(settings.getByRole('button', { name: 'Stop using this file' })).toHaveCount(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
