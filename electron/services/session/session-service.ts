import type { z } from 'zod';
import type { DisconnectResultSchema, SessionState } from '../../../shared/contract/session';

export type DisconnectResult = z.output<typeof DisconnectResultSchema>;

/**
 * What the header's workspace/identity/token display, Disconnect and Re-authenticate need. The sign-in
 * service implements it; until then `createNotConnectedSession()` does. Failures are thrown as `AppFailure`.
 */
export interface SessionService {
  state(): Promise<SessionState>;
  disconnect(options: { readonly uninstall: boolean }): Promise<DisconnectResult>;
  reauthenticate(): Promise<SessionState>;
}

/** No workspace, no identity, no token. */
export const EMPTY_SESSION_STATE: SessionState = Object.freeze({
  workspace: null,
  identity: null,
  authMethod: null,
  token: Object.freeze({ state: 'none' }),
  persistence: 'none',
}) as SessionState;
