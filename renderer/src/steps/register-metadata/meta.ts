import type { StepMeta } from '../step-types';
import { REGISTER_SUB_STEPS, registerMetadataStatus, registerMetadataSubStepStatus } from './status';

export const registerMetadataMeta: StepMeta = {
  id: 'register-metadata',
  title: 'Register metadata',
  summary: 'Crawl Unity Catalog and register what the governance product should know about.',
  willDo: [
    'Crawl catalogs, schemas, tables, columns, tags, grants, masks, filters, lineage and query audit in bulk.',
    'Pick what to register from a searchable tree, active or inactive by default.',
    'Re-crawl to find new, changed and dropped objects, and publish tags back to Unity Catalog.',
  ],
  status: registerMetadataStatus,
  subSteps: REGISTER_SUB_STEPS,
  subStepStatus: registerMetadataSubStepStatus,
};
