import { ok } from '../../shared/result';
import type { DomainHandlers } from '../gateway/handlers';
import type { SessionService } from '../services/session/session-service';

/** Step 1: choosing a workspace and signing in. Inputs arrive validated against shared/contract/auth.ts. */
export function setupAuth(deps: { readonly session: SessionService }): DomainHandlers<'auth'> {
  const { session } = deps;
  return {
    choices: async () => ok(await session.choices()),
    startSandbox: async () => ok(await session.startSandbox()),
    signIn: async (input) => ok(await session.signIn(input)),
    forgetRecent: async ({ url }) => ok({ forgotten: await session.forgetRecent(url) }),
  };
}
