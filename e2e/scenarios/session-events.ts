import { expect } from '@playwright/test';
import type { SessionState } from '../../shared/contract/session';
import { inspect } from './inspect';
import type { Scenario } from './scenario';
import { STEP_IDS, wizard } from './wizard';

const signedIn = (expiresAt: number): SessionState => ({
  workspace: { url: 'https://e2e-workspace.cloud.databricks.com', label: 'e2e-workspace', kind: 'workspace' },
  identity: {
    kind: 'user',
    userName: 'ada@example.com',
    displayName: 'Ada Lovelace',
    admin: true,
    groups: ['admins', 'data-engineers'],
  },
  authMethod: 'oauth-u2m',
  token: { state: 'valid', expiresAt },
  persistence: 'memory-only',
});

export const sessionEvents: Scenario = {
  title: 'session.changed events update the header and unlock the steps',
  async run(page, host) {
    const w = wizard(page);
    await w.ready();
    const state = signedIn(Date.now() + 55 * 60_000);
    await host.publish('session.changed', state);

    await expect(w.fact('workspace')).toContainText('e2e-workspace (Workspace)');
    await expect(w.fact('identity')).toContainText('Ada Lovelace');
    await expect(w.fact('identity')).toContainText('admin');
    await expect(w.fact('token')).toContainText(/Valid, expires in 5[45] min/);
    await expect(w.stepButton('authenticate')).toHaveAttribute('data-status', 'complete');
    for (const id of STEP_IDS.slice(1)) await expect(w.stepButton(id)).toHaveAttribute('data-status', 'available');
    await w.stepButton('configure-integration').click();
    await expect(page.getByTestId('sign-in-first')).toHaveCount(0);
    await inspect(page, host, 'signed-in');

    await host.publish('session.changed', { ...state, token: { state: 'signin-required' } });
    await expect(w.fact('token')).toContainText('Sign-in required');
    await expect(w.stepButton('configure-integration')).toHaveAttribute('data-status', 'locked');
    await expect(page.getByTestId('sign-in-first')).toBeVisible();
  },
};
