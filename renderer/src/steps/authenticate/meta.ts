import type { StepMeta } from '../step-types';
import { authenticateStatus } from './status';

export const authenticateMeta: StepMeta = {
  id: 'authenticate',
  title: 'Authenticate',
  summary: 'Choose a Databricks workspace and sign in to it.',
  willDo: [
    'Pick a workspace: type its URL, import a profile from ~/.databrickscfg, reuse a recent one, or try the local sandbox workspace.',
    'Sign in with OAuth in your browser, as a service principal, with token federation, or with a personal access token (legacy).',
    'Show who you are signed in as, your groups, and what that identity may do.',
  ],
  status: authenticateStatus,
};
