import type { SessionState } from '../../shared/contract/session';

/** A signed-in session as main would publish it; the shell scenarios push it with `session.changed`. */
export const signedInState = (expiresAt: number): SessionState => ({
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
