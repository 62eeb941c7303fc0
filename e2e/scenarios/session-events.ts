import { expect } from '@playwright/test';
import { inspect } from './inspect';
import type { Scenario } from './scenario';
import { signedInState } from './signed-in-state';
import { STEP_IDS, wizard } from './wizard';

export const sessionEvents: Scenario = {
  title: 'session.changed events update the header and unlock the steps',
  async run(page, host) {
    const w = wizard(page);
    await w.ready();
    const state = signedInState(Date.now() + 55 * 60_000);
    await host.publish('session.changed', state);

    await expect(w.fact('workspace')).toContainText('e2e-workspace (Workspace)');
    await expect(w.fact('identity')).toContainText('Ada Lovelace');
    await expect(w.fact('identity')).toContainText('admin');
    await expect(w.fact('token')).toContainText(/Valid, expires in 5[45] min/);
    await expect(w.stepButton('authenticate')).toHaveAttribute('data-status', 'done');
    await expect(w.stepButton('authenticate')).toContainText('Done');
    for (const id of STEP_IDS.slice(1)) await expect(w.stepButton(id)).not.toHaveAttribute('data-status', 'locked');
    await w.stepButton('configure-integration').click();
    await expect(page.getByTestId('sign-in-first')).toHaveCount(0);
    await inspect(page, host, 'signed-in');

    // Something about this workspace is on screen (a failure notice that stays until dismissed); after signing in to
    // another workspace, nothing about the previous one is shown.
    await w.header.getByRole('button', { name: 'Disconnect' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Disconnect' }).click();
    await expect(w.errorView('Disconnect')).toBeVisible();
    const other = { ...state, workspace: { url: 'https://other-workspace.cloud.databricks.com', label: 'other-workspace', kind: 'workspace' as const } };
    await host.publish('session.changed', other);
    await expect(w.fact('workspace')).toContainText('other-workspace');
    await expect(page.getByTestId('error-view')).toHaveCount(0);

    await host.publish('session.changed', { ...state, token: { state: 'signin-required' } });
    await expect(w.fact('token')).toContainText('Sign-in required');
    await expect(w.stepButton('configure-integration')).toHaveAttribute('data-status', 'locked');
    await expect(w.stepButton('configure-integration')).toContainText('Locked — sign in first');
    await expect(w.stepButton('authenticate')).toHaveAttribute('data-status', 'needs-attention');
    await expect(page.getByTestId('sign-in-first')).toBeVisible();
  },
};
