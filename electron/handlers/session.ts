import { ok } from '../../shared/result';
import type { DomainHandlers } from '../gateway/handlers';
import type { SessionService } from '../services/session/session-service';

/** The header's session display, Disconnect and Re-authenticate, over the real session service. */
export function setupSession(deps: { readonly session: SessionService }): DomainHandlers<'session'> {
  const { session } = deps;
  return {
    state: async () => ok(await session.state()),
    disconnect: async ({ uninstall }) => ok(await session.disconnect({ uninstall })),
    reauthenticate: async ({ taskId }) => ok(await session.reauthenticate(taskId ? { taskId } : {})),
  };
}
