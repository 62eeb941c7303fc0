import { describe, expect, it } from 'vitest';
import { authenticateMeta } from './authenticate/meta';
import { configureIntegrationMeta } from './configure-integration/meta';
import { stepStatuses } from './step-activity';
import type { StepContext } from './step-types';

const steps = [authenticateMeta, configureIntegrationMeta];
const signedOut: StepContext = { session: undefined, signedIn: false, facts: {} };
const signedIn = (validation: 'failed' | null): StepContext => ({
  session: undefined,
  signedIn: true,
  facts: { integration: { status: 'configured', saved: true, validation, resumable: null } },
});

describe('a step whose task is running reads "In progress"', () => {
  it('step 1 while a sign-in waits for the browser, "Not started" before and after', () => {
    expect(stepStatuses(steps, signedOut, []).statuses).toEqual(['not-started', 'locked']);
    expect(stepStatuses(steps, signedOut, [{ step: 'authenticate' }]).statuses).toEqual(['in-progress', 'locked']);
  });

  it('a signed-in step 1 re-authenticating is in progress too (it is not done until the new sign-in is)', () => {
    expect(stepStatuses(steps, signedIn(null), [{ step: 'authenticate' }]).statuses[0]).toBe('in-progress');
    expect(stepStatuses(steps, signedIn(null), []).statuses[0]).toBe('done');
  });

  it('a running check marks step 2 and its Check part, not its other parts; a failed check re-run is not "Needs attention" meanwhile', () => {
    const idle = stepStatuses(steps, signedIn('failed'), []);
    expect(idle.statuses[1]).toBe('needs-attention');
    expect(idle.subStatuses[1]).toEqual(['done', 'needs-attention', 'not-started', 'not-started']);
    const checking = stepStatuses(steps, signedIn('failed'), [{ step: 'configure-integration', subStep: 'check' }]);
    expect(checking.statuses[1]).toBe('in-progress');
    expect(checking.subStatuses[1]).toEqual(['done', 'in-progress', 'not-started', 'not-started']);
    expect(checking.subStatuses[0]).toEqual([]);
  });

  it('a task of another step changes nothing here, and a locked step stays locked', () => {
    expect(stepStatuses(steps, signedOut, [{ step: 'register-metadata', subStep: 'crawl' }]).statuses).toEqual(['not-started', 'locked']);
    expect(stepStatuses(steps, signedOut, [{ step: 'configure-integration', subStep: 'setup' }]).statuses[1]).toBe('locked');
  });
});
