import { describe, expect, it } from 'vitest';
import type { StepMeta, StepStatus } from '../steps/step-types';
import { nextPlace, previousPlace } from './wizard-navigation';

const meta = (id: StepMeta['id'], title: string, subSteps?: StepMeta['subSteps']): StepMeta => ({
  id,
  title,
  summary: '',
  willDo: [],
  status: () => 'not-started',
  ...(subSteps ? { subSteps } : {}),
});
const STEPS = [
  meta('authenticate', 'Authenticate'),
  meta('configure-integration', 'Configure integration', [
    { id: 'settings', title: 'Settings' },
    { id: 'check', title: 'Check' },
  ]),
  meta('map-users-policies', 'Map users'),
];
const open: StepStatus[] = ['done', 'in-progress', 'not-started'];
const signedOut: StepStatus[] = ['not-started', 'locked', 'locked'];

describe('Back and Next', () => {
  it("Next walks a step's parts, then the next step from its first part", () => {
    expect(nextPlace(STEPS, open, 'authenticate', undefined)).toEqual({ kind: 'go', place: { step: 'configure-integration', subStep: 'settings', title: 'Configure integration' } });
    expect(nextPlace(STEPS, open, 'configure-integration', 'settings')).toEqual({ kind: 'go', place: { step: 'configure-integration', subStep: 'check', title: 'Check' } });
    expect(nextPlace(STEPS, open, 'configure-integration', 'check')).toMatchObject({ kind: 'go', place: { step: 'map-users-policies' } });
    expect(nextPlace(STEPS, open, 'map-users-policies', undefined)).toBeUndefined();
  });

  it('Next never leads into a locked step: it says why', () => {
    expect(nextPlace(STEPS, signedOut, 'authenticate', undefined)).toEqual({ kind: 'locked', title: 'Configure integration', reason: expect.stringContaining('sign in first') });
    expect(nextPlace(STEPS, signedOut, 'configure-integration', 'settings')).toMatchObject({ kind: 'locked', title: 'Map users' });
  });

  it("Back walks the parts back, then the previous step's last part", () => {
    expect(previousPlace(STEPS, open, 'configure-integration', 'check')).toEqual({ step: 'configure-integration', subStep: 'settings', title: 'Settings' });
    expect(previousPlace(STEPS, open, 'map-users-policies', undefined)).toEqual({ step: 'configure-integration', subStep: 'check', title: 'Configure integration' });
    expect(previousPlace(STEPS, open, 'configure-integration', 'settings')).toEqual({ step: 'authenticate', subStep: undefined, title: 'Authenticate' });
    expect(previousPlace(STEPS, open, 'authenticate', undefined)).toBeUndefined();
  });
});
