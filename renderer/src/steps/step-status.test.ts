import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../../shared/contract/session';
import { authenticateStatus } from './authenticate/status';
import { configureStatus, configureSubStepStatus } from './configure-integration/status';
import { requiresSignIn } from './requires-sign-in';
import type { StepContext, StepFacts } from './step-types';

const session = (token: SessionState['token']['state']): SessionState => ({
  workspace: { url: 'https://w.cloud.databricks.com', label: 'w', kind: 'workspace' },
  identity: { kind: 'user', userName: 'a@b.c', displayName: 'A', admin: true, groups: [] },
  authMethod: 'oauth-u2m',
  token: { state: token },
  persistence: 'memory-only',
});
const ctx = (over: Partial<StepContext> = {}): StepContext => ({ session: undefined, signedIn: false, facts: {}, ...over });
type Integration = NonNullable<StepFacts['integration']>;
const integration = (over: Partial<Integration>): StepContext =>
  ctx({ signedIn: true, facts: { integration: { status: 'not-configured', saved: false, validation: null, resumable: null, ...over } } });

describe('step statuses say what is true', () => {
  it('step 1: Not started while signed out, Done once signed in, Needs attention when the session needs a new sign-in', () => {
    expect(authenticateStatus(ctx())).toBe('not-started');
    expect(authenticateStatus(ctx({ signedIn: true, session: session('valid') }))).toBe('done');
    expect(authenticateStatus(ctx({ session: session('signin-required') }))).toBe('needs-attention');
  });

  it('later steps are locked until sign-in', () => {
    expect(requiresSignIn(ctx())).toBe('locked');
    expect(configureStatus(ctx())).toBe('locked');
    expect(configureSubStepStatus(ctx(), 'settings')).toBe('locked');
    expect(requiresSignIn(ctx({ signedIn: true }))).toBe('not-started');
  });

  it('step 2 is Done once set up and verified, not merely "ready"', () => {
    expect(configureStatus(integration({}))).toBe('not-started');
    expect(configureStatus(integration({ status: 'configured', saved: true, validation: 'passed' }))).toBe('in-progress');
    expect(configureStatus(integration({ status: 'manual-pending', saved: true }))).toBe('in-progress');
    expect(configureStatus(integration({ status: 'enabled', saved: true, validation: 'passed' }))).toBe('done');
    expect(configureStatus(integration({ status: 'uninstalled', saved: true }))).toBe('not-started');
  });

  it('step 2 needs attention after a failed validation or a stopped apply', () => {
    expect(configureStatus(integration({ status: 'configured', saved: true, validation: 'failed' }))).toBe('needs-attention');
    expect(configureStatus(integration({ status: 'apply-error', saved: true }))).toBe('needs-attention');
    expect(configureStatus(integration({ status: 'configured', saved: true, resumable: 'setup' }))).toBe('needs-attention');
  });

  it("step 2's parts: settings saved, check passed or failed, set-up done, an interrupted uninstall to finish", () => {
    const parts = (c: StepContext) => ['settings', 'check', 'setup', 'manage'].map((id) => configureSubStepStatus(c, id));
    expect(parts(integration({}))).toEqual(['not-started', 'not-started', 'not-started', 'not-started']);
    expect(parts(integration({ status: 'configured', saved: true, validation: 'failed' }))).toEqual(['done', 'needs-attention', 'not-started', 'not-started']);
    expect(parts(integration({ status: 'enabled', saved: true, validation: 'warning' }))).toEqual(['done', 'done', 'done', 'not-started']);
    expect(parts(integration({ status: 'enabled', saved: true, validation: 'passed', resumable: 'uninstall' }))[3]).toBe('needs-attention');
    expect(parts(integration({ status: 'uninstalled', saved: true, validation: 'passed' }))[3]).toBe('done');
  });
});
