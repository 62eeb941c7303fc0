import type { StepMeta } from '../step-types';
import { CONFIGURE_SUB_STEPS, configureStatus, configureSubStepStatus } from './status';

export const configureIntegrationMeta: StepMeta = {
  id: 'configure-integration',
  title: 'Configure integration',
  summary: 'Choose where the integration lives and check that everything it needs is in place.',
  willDo: [
    'Pick the SQL warehouse (starting it if it is stopped) and name the integration catalog.',
    'Choose whether query audit is on, and which service principal the governance product runs as.',
    'Run validation tests, each with its reason and the exact SQL or grant that fixes it.',
    'Preview every statement, then set up automatically or export a script for someone else to run.',
  ],
  status: configureStatus,
  subSteps: CONFIGURE_SUB_STEPS,
  subStepStatus: configureSubStepStatus,
};
