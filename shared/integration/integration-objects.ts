/**
 * The objects ucbridge creates in the integration catalog. These names are a contract with later steps (user
 * mapping writes `entitlements.*`, policies create UDFs in `policies`, registration writes `registry.*`, apply
 * writes the manifest to the staging volume): change them only together with those.
 */

/** Catalog tag that marks an integration catalog as ucbridge's; its value is the workspace host that set it up. */
export const INTEGRATION_TAG = 'ucbridge_integration';

export const SCHEMAS = {
  entitlements: 'Principal attributes and the mapping from the governance product\u2019s users to workspace principals',
  policies: 'Row-filter and column-mask functions (SQL UDFs) the governance product manages',
  registry: 'Objects registered with the governance product, and the staging volume for the manifest',
} as const;
export type IntegrationSchema = keyof typeof SCHEMAS;

export interface TableDefinition {
  readonly schema: IntegrationSchema;
  readonly name: string;
  readonly columns: readonly (readonly [name: string, type: string])[];
  readonly comment: string;
}

export const TABLES: readonly TableDefinition[] = [
  {
    schema: 'entitlements',
    name: 'principal_attributes',
    columns: [['principal', 'STRING'], ['attribute', 'STRING'], ['value', 'STRING'], ['updated_at', 'TIMESTAMP']],
    comment: 'User attributes written by ucbridge, read by row filters and column masks',
  },
  {
    schema: 'entitlements',
    name: 'user_mapping',
    columns: [['external_id', 'STRING'], ['principal', 'STRING'], ['principal_type', 'STRING'], ['matched_by', 'STRING'], ['updated_at', 'TIMESTAMP']],
    comment: 'Governance-product users matched to workspace users, groups and service principals',
  },
  {
    schema: 'registry',
    name: 'registered_objects',
    columns: [['full_name', 'STRING'], ['object_type', 'STRING'], ['active', 'BOOLEAN'], ['registered_at', 'TIMESTAMP'], ['fingerprint', 'STRING']],
    comment: 'Securables registered with the governance product',
  },
  {
    schema: 'registry',
    name: 'crawl_runs',
    columns: [
      ['crawl_id', 'STRING'], ['started_at', 'TIMESTAMP'], ['finished_at', 'TIMESTAMP'], ['source', 'STRING'], ['mode', 'STRING'],
      ['crawled_by', 'STRING'], ['catalogs', 'BIGINT'], ['schemas', 'BIGINT'], ['tables', 'BIGINT'], ['columns', 'BIGINT'],
      ['new_objects', 'BIGINT'], ['changed_objects', 'BIGINT'], ['dropped_objects', 'BIGINT'], ['registered_at', 'TIMESTAMP'],
    ],
    comment: 'Metadata crawls whose results were registered, with what each found',
  },
];

export const STAGING_VOLUME = { schema: 'registry', name: 'staging', comment: 'Staging files for ucbridge (the set-up manifest)' } as const;

/** The system tables query audit reads (seed 001 §Permissions; reference §3). */
export const AUDIT_TABLES: readonly (readonly [schema: 'access' | 'query', table: string])[] = [
  ['access', 'audit'],
  ['access', 'table_lineage'],
  ['access', 'column_lineage'],
  ['query', 'history'],
];
export const AUDIT_SCHEMAS = ['access', 'query'] as const;
export const SYSTEM_CATALOG = 'system';

/** `/Volumes/<catalog>/registry/staging`: where apply writes the manifest through the Files API. */
export const stagingVolumePath = (catalog: string): string => `/Volumes/${catalog}/${STAGING_VOLUME.schema}/${STAGING_VOLUME.name}`;
