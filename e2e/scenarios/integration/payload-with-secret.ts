import { expect, type Page } from '@playwright/test';
import { inspect } from '../inspect';
import type { IntegrationHost } from './integration-host';
import { stepTwo } from './step-two';

/**
 * A service principal created by ucbridge (UCBRIDGE_USER): its OAuth secret stays in the vault; the payload with
 * the secret is written by main to a file only after an explicit confirmation, and the window never holds it.
 * `readSaved` reads the file main saved (the harness saves beside its userData instead of asking where).
 */
export async function payloadWithSecret(page: Page, host: IntegrationHost, readSaved: (path: string) => Promise<string>): Promise<void> {
  await host.signIn(page);
  const s = stepTwo(page);
  await s.open();
  await s.warehouse.getByRole('radio', { name: new RegExp(host.demo.runningWarehouse) }).check();
  await s.catalog.fill('ucbridge_created');
  await s.principal.getByRole('button', { name: 'Or create a new service principal' }).click();
  await s.principal.getByRole('button', { name: 'Create UCBRIDGE_USER' }).click();
  await expect(page.getByTestId('ci-sp-chosen')).toContainText('UCBRIDGE_USER');
  await expect(page.getByTestId('ci-sp-chosen')).toContainText('OAuth secret kept in the vault');
  await s.chooseMode('Manual');
  await s.saveAndValidate();
  await s.goTo('Set up');

  const exportSection = s.section('Export');
  const withSecret = exportSection.getByRole('button', { name: 'Save payload with the secret…' });
  await expect(withSecret).toBeDisabled();
  await exportSection.getByRole('checkbox', { name: /Include the service principal’s OAuth secret/ }).check();
  await inspect(page, host, 'ci-payload-confirm');
  await withSecret.click();
  const saved = exportSection.getByRole('status').filter({ hasText: 'Saved to' });
  await expect(saved).toBeVisible({ timeout: 30_000 });
  const path = ((await saved.locator('code').textContent()) ?? '').trim();
  const payload = JSON.parse(await readSaved(path)) as { catalog: string; oAuthClientConfig: Record<string, unknown> };
  expect(payload.catalog).toBe('ucbridge_created');
  const secret = Object.entries(payload.oAuthClientConfig).find(([key]) => /secret/i.test(key))?.[1];
  expect(typeof secret === 'string' && secret.length >= 8, 'the saved payload holds the secret').toBe(true);
  expect(await page.content()).not.toContain(secret as string);
  await expect(exportSection.getByRole('checkbox', { name: /Include the service principal’s OAuth secret/ })).not.toBeChecked();
}
