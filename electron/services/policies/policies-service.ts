import type { ApplySummary } from '../../../shared/contract/integration';
import type { PolicyPlanView, PolicyPreview, PolicyValidation } from '../../../shared/contract/policies';
import type { ExportFile } from '../../../shared/contract/integration';
import type { PlanKind } from '../../../shared/integration/plan-types';
import { PolicyRefusal } from '../../../shared/policies/compile';
import { exportPolicyScripts } from '../../../shared/policies/policy-scripts';
import { fail } from '../../../shared/result';
import { workSignal, type IntegrationDeps } from '../integration/integration-deps';
import { configForConnection, savedConfig } from '../integration/saved-config';
import { applyPolicies, planPolicies, type PolicyRun } from './policy-runner';
import { policySetFrom, tableFrom } from './policy-input';
import { previewAs } from './preview-as';

type Format = 'json' | 'yaml' | 'auto';

/**
 * Step 3's policies behind `policies.*`: the policy text comes from the window, the integration catalog and
 * warehouse from the saved step-2 settings. One apply at a time.
 */
export function createPoliciesService(deps: IntegrationDeps) {
  let running = false;
  const runFor = async (signal?: AbortSignal): Promise<PolicyRun> => {
    const { config, connection } = await configForConnection(deps);
    return { config, connection, kv: deps.kv, clock: deps.clock, logger: deps.logger.child('policies'), signal: signal ?? connection.signal };
  };

  return {
    async validate(text: string, format: Format): Promise<PolicyValidation> {
      let set;
      try {
        set = policySetFrom(text, format);
      } catch (e) {
        if (e instanceof PolicyRefusal) return { valid: false, problems: [...e.problems], notes: [], policies: 0, abac: null };
        throw e;
      }
      try {
        const p = await planPolicies(await runFor(), set, 'setup');
        return { valid: true, problems: [], notes: [...p.notes], policies: set.policies.length, abac: p.observation.abac };
      } catch (e) {
        if (e instanceof PolicyRefusal) return { valid: false, problems: [...e.problems], notes: [], policies: set.policies.length, abac: null };
        throw e;
      }
    },
    async plan(text: string, format: Format, kind: PlanKind): Promise<PolicyPlanView> {
      const p = await planPolicies(await runFor(), policySetFrom(text, format), kind);
      return { plan: p.plan, notes: [...p.notes] };
    },
    apply(taskId: string, text: string, format: Format, kind: PlanKind, planHash: string): Promise<ApplySummary> {
      const set = policySetFrom(text, format);
      if (running) return fail('CONFLICT', 'Another policy apply is already running.', 'Wait for it to finish, or cancel it.');
      running = true;
      return (async () => {
        const base = await runFor();
        return deps.tasks.run(taskId, { label: kind === 'setup' ? 'Applying the policies…' : 'Removing the policies…' }, (task) =>
          applyPolicies({ ...base, signal: workSignal(task.signal, base.connection) }, set, kind, {
            expectedHash: planHash,
            onStep: (e) => deps.events.publish('integration.step', { taskId, ...e }),
            onProgress: (done, total, label) => task.progress({ done, total, label }),
          }),
        );
      })().finally(() => {
        running = false;
      });
    },
    async preview(text: string, format: Format, principal: string, table: string, limit: number): Promise<PolicyPreview> {
      return previewAs(await runFor(), policySetFrom(text, format), principal, tableFrom(table), limit);
    },
    async exportScripts(text: string, format: Format): Promise<ExportFile[]> {
      const config = await savedConfig(deps);
      return exportPolicyScripts(policySetFrom(text, format), config.catalog);
    },
  };
}
export type PoliciesService = ReturnType<typeof createPoliciesService>;
