import { describe, expect, it } from 'vitest';
import { VerifyReportSchema } from '../contract/integration';
import type { ObservedState } from './observed-state';
import type { Plan, PlanStep } from './plan-types';
import { planSetup, planUninstall } from './planner';
import { config } from './planner.test-support';
import { verifyPlan } from './verify';

const c = config({ governedCatalogs: ['hr'] });

describe('verifyPlan', () => {
  it('offline (nothing observed): not converged, every step missing', () => {
    const report = verifyPlan(planSetup(c, null));
    expect(VerifyReportSchema.parse(report)).toEqual(report);
    expect(report.converged).toBe(false);
    expect(new Set(report.steps.map((s) => s.state))).toEqual(new Set(['missing']));
  });

  it('converged when every step is present; names the missing and different ones otherwise', () => {
    const full: ObservedState = {
      at: 0,
      targets: {
        main: {
          catalogs: [{ name: 'ucbridge', owner: 'me', integrationTag: 'adb-1234567890123456.7.azuredatabricks.net' }, { name: 'hr', owner: 'me', integrationTag: null }],
          schemas: [['ucbridge', 'entitlements'], ['ucbridge', 'policies'], ['ucbridge', 'registry']],
          tables: [['ucbridge', 'entitlements', 'principal_attributes'], ['ucbridge', 'entitlements', 'user_mapping'], ['ucbridge', 'registry', 'registered_objects'], ['ucbridge', 'registry', 'crawl_runs']],
          volumes: [['ucbridge', 'registry', 'staging']],
          grants: [
            { securable: 'CATALOG', name: ['ucbridge'], privileges: ['USE CATALOG', 'USE SCHEMA', 'SELECT', 'MODIFY'] },
            { securable: 'SCHEMA', name: ['ucbridge', 'policies'], privileges: ['CREATE FUNCTION', 'EXECUTE'] },
            { securable: 'VOLUME', name: ['ucbridge', 'registry', 'staging'], privileges: ['READ VOLUME', 'WRITE VOLUME'] },
            { securable: 'CATALOG', name: ['hr'], privileges: ['USE CATALOG', 'USE SCHEMA', 'SELECT', 'MODIFY', 'MANAGE'] },
          ],
        },
      },
    };
    expect(verifyPlan(planSetup(c, full))).toMatchObject({ converged: true });

    const partial: ObservedState = {
      ...full,
      targets: {
        main: {
          ...full.targets.main!,
          volumes: [],
          grants: [...full.targets.main!.grants.slice(0, 2), { securable: 'CATALOG', name: ['hr'], privileges: ['USE CATALOG'] }],
        },
      },
    };
    const report = verifyPlan(planSetup(c, partial));
    expect(report.converged).toBe(false);
    expect(report.steps.filter((s) => s.state !== 'present').map((s) => [s.id, s.state])).toEqual([
      ['volume:registry.staging', 'missing'],
      ['grant:sp:integration:volume:registry.staging', 'missing'],
      ['grant:sp:governed:hr', 'different'],
    ]);
  });

  it('one step different and every other present is not converged (nor is one missing)', () => {
    const step = (id: string, action: PlanStep['action']): PlanStep => ({ id, sql: `SELECT '${id}'`, purpose: `Step ${id}`, dependsOn: [], inverse: null, action, target: 'main' });
    const plan = (last: PlanStep['action']): Plan => ({ kind: 'setup', hash: 'h', steps: [step('a', 'unchanged'), step('b', 'unchanged'), step('c', last)] });
    expect(verifyPlan(plan('change'))).toEqual({
      converged: false,
      steps: [
        { id: 'a', purpose: 'Step a', state: 'present' },
        { id: 'b', purpose: 'Step b', state: 'present' },
        { id: 'c', purpose: 'Step c', state: 'different' },
      ],
    });
    expect(verifyPlan(plan('create'))).toMatchObject({ converged: false, steps: [{ state: 'present' }, { state: 'present' }, { state: 'missing' }] });
    expect(verifyPlan(plan('unchanged'))).toMatchObject({ converged: true });
    expect(verifyPlan({ kind: 'setup', hash: 'h', steps: [] })).toEqual({ converged: true, steps: [] });
    // Set-up plans never drop; a step that would is not as the set-up leaves it.
    expect(verifyPlan(plan('drop'))).toMatchObject({ converged: false, steps: [{ state: 'present' }, { state: 'present' }, { state: 'different' }] });
  });

  it('refuses an uninstall plan', () => {
    expect(() => verifyPlan(planUninstall(c, null))).toThrow(
      expect.objectContaining({ error: { code: 'INTERNAL', message: 'verifyPlan takes a set-up plan made against the observed workspace.' } }),
    );
  });
});
