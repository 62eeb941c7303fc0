import type { StepContext, StepStatus } from '../step-types';

/** Step 2's parts, in order (each fits a laptop screen). */
export const CONFIGURE_SUB_STEPS = [
  { id: 'settings', title: 'Settings' },
  { id: 'check', title: 'Check' },
  { id: 'setup', title: 'Set up' },
  { id: 'manage', title: 'Manage' },
] as const;

export type ConfigureSubStep = (typeof CONFIGURE_SUB_STEPS)[number]['id'];

/** Done once set up and verified; needs attention after a failed validation or a stopped apply. */
export function configureStatus({ signedIn, facts }: StepContext): StepStatus {
  if (!signedIn) return 'locked';
  const i = facts.integration;
  if (!i) return 'not-started';
  if (i.status === 'apply-error' || i.resumable !== null || (i.validation === 'failed' && i.status !== 'enabled')) return 'needs-attention';
  switch (i.status) {
    case 'enabled':
      return 'done';
    case 'configured':
    case 'applying':
    case 'manual-pending':
      return 'in-progress';
    case 'not-configured':
    case 'uninstalled':
      return 'not-started';
  }
}

/** Each part's own status (the sidebar and the sub-step nav show it). */
export function configureSubStepStatus({ signedIn, facts }: StepContext, subStep: string): StepStatus {
  if (!signedIn) return 'locked';
  const i = facts.integration;
  if (!i) return 'not-started';
  switch (subStep as ConfigureSubStep) {
    case 'settings':
      return i.saved ? 'done' : 'not-started';
    case 'check':
      return i.validation === null ? 'not-started' : i.validation === 'failed' ? 'needs-attention' : 'done';
    case 'setup':
      if (i.status === 'apply-error' || i.resumable === 'setup') return 'needs-attention';
      if (i.status === 'enabled') return 'done';
      return i.status === 'applying' || i.status === 'manual-pending' ? 'in-progress' : 'not-started';
    case 'manage':
      if (i.resumable === 'uninstall') return 'needs-attention';
      return i.status === 'uninstalled' ? 'done' : 'not-started';
  }
  return 'not-started';
}
