import { ok } from '../../shared/result';
import type { DomainHandlers } from '../gateway/handlers';
import type { UsersService } from '../services/users/users-service';

/** Step 3, users. Inputs arrive validated against shared/contract/users.ts; the state they act on is main's. */
export function setupUsers(deps: { readonly users: UsersService }): DomainHandlers<'users'> {
  const { users: s } = deps;
  return {
    status: async () => ok(await s.status()),
    importFile: async ({ text, fileName, format }) => ok(await s.importFile(text, fileName, format)),
    readDirectory: async ({ taskId }) => ok(await s.readDirectory(taskId)),
    match: async () => ok(await s.match()),
    setChoice: async ({ id, principal }) => ok(await s.setChoice(id, principal)),
    clearChoice: async ({ id }) => ok(await s.clearChoice(id)),
    searchPrincipals: async ({ query, type, limit }) => ok(await s.searchPrincipals(query, type, limit)),
    exportUnmatched: async () => ok(await s.exportUnmatched()),
    plan: async () => ok(await s.plan()),
    apply: async ({ taskId, planHash }) => ok(await s.apply(taskId, planHash)),
  };
}
