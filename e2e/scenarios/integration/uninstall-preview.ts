import { expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { inspect } from '../inspect';
import type { IntegrationScenario } from './integration-host';
import { expectRevealed, stepTwo } from './step-two';

export const uninstallPreview: IntegrationScenario = {
  title: 'an existing integration shows its status, exports its payload without a secret, and previews the uninstall plan before anything runs',
  async run(page, host) {
    await host.signIn(page);
    const s = stepTwo(page);
    await s.open();
    await s.goTo('Manage');
    const lifecycle = s.section('This integration');
    await expect(lifecycle.getByTestId('ci-lifecycle-status')).toHaveAttribute('data-status', 'enabled');

    // The payload for the governance product (seed 001's config object), downloaded here: it has no secret.
    const [download] = await Promise.all([page.waitForEvent('download'), lifecycle.getByRole('button', { name: 'Download payload (no secret)' }).click()]);
    expect(download.suggestedFilename()).toBe('integration.json');
    const text = await readFile(await download.path(), 'utf8');
    expect(JSON.parse(text)).toMatchObject({ catalog: 'ucbridge_auto', authenticationType: 'oAuthM2M', audit: { enabled: true } });
    expect(text).not.toMatch(/secret/i);

    const toggle = lifecycle.getByRole('button', { name: 'Uninstall…' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const plan = page.getByTestId('ci-plan-uninstall');
    await expect(plan).toBeVisible({ timeout: 30_000 });
    await expect(plan.getByTestId('plan-step').first()).toBeVisible();
    await expect(plan).toContainText(/DROP|REVOKE/);
    await expectRevealed(page.getByRole('group', { name: 'Uninstall plan' }));
    await expect(lifecycle.getByRole('button', { name: /Apply uninstall: \d+ statements/ })).toBeVisible();
    await expect(lifecycle.getByRole('button', { name: 'Download uninstall.sql' })).toBeVisible();
    await inspect(page, host, 'ci-uninstall-preview');
  },
};
