import { ok } from '../../shared/result';
import type { DomainHandlers } from '../gateway/handlers';
import type { PoliciesService } from '../services/policies/policies-service';

/** Step 3, policies. Inputs arrive validated against shared/contract/policies.ts. */
export function setupPolicies(deps: { readonly policies: PoliciesService }): DomainHandlers<'policies'> {
  const { policies: s } = deps;
  return {
    validate: async ({ text, format }) => ok(await s.validate(text, format)),
    plan: async ({ text, format, kind }) => ok(await s.plan(text, format, kind)),
    apply: async ({ taskId, text, format, kind, planHash }) => ok(await s.apply(taskId, text, format, kind, planHash)),
    preview: async ({ text, format, principal, table, limit }) => ok(await s.preview(text, format, principal, table, limit)),
    exportScripts: async ({ text, format }) => ok(await s.exportScripts(text, format)),
  };
}
