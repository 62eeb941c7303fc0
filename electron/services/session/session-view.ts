import type { SessionState } from '../../../shared/contract/session';
import type { LiveSession } from './live-session';

/** No workspace, no identity, no token. */
export const EMPTY_SESSION_STATE: SessionState = Object.freeze({
  workspace: null,
  identity: null,
  authMethod: null,
  token: Object.freeze({ state: 'none' }),
  persistence: 'none',
}) as SessionState;

/** What the header and the identity card show: never a token, only its state and expiry. */
export function sessionView(live: LiveSession | undefined, persistence: 'keychain' | 'memory-only', now: number): SessionState {
  if (!live) return EMPTY_SESSION_STATE;
  const { workspace: w, identity: i } = live;
  const t = live.tokens.state();
  const state = t.state === 'valid' && t.expiresAt !== undefined && t.expiresAt <= now ? 'expired' : t.state;
  return {
    workspace: {
      url: w.url,
      label: w.label,
      kind: w.kind,
      ...(w.workspaceId ? { workspaceId: w.workspaceId } : {}),
      ...(w.accountId ? { accountId: w.accountId } : {}),
    },
    identity: { kind: i.kind, userName: i.userName, displayName: i.displayName, admin: i.admin, groups: [...i.groups] },
    authMethod: live.method.method,
    token: { state, ...(t.expiresAt !== undefined ? { expiresAt: t.expiresAt } : {}) },
    persistence,
  };
}
