import { AppFailure } from '../../../shared/result';
import { EMPTY_SESSION_STATE, type SessionService } from './session-service';

/** The session before anyone has signed in: an empty state, and nothing to disconnect or re-authenticate. */
export function createNotConnectedSession(): SessionService {
  const notConnected = (hint: string) =>
    Promise.reject(new AppFailure({ code: 'NOT_CONNECTED', message: 'ucbridge is not connected to a workspace.', hint }));
  return {
    state: async () => EMPTY_SESSION_STATE,
    disconnect: () => notConnected('There is nothing to disconnect. Sign in on the Authenticate step first.'),
    reauthenticate: () => notConnected('Sign in on the Authenticate step first; re-authenticating repeats that sign-in.'),
  };
}
