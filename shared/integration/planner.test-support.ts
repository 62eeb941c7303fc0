import { IntegrationConfigSchema, type IntegrationConfig, type IntegrationConfigInput } from './config';

/** Representative configs for planner, verify and export tests. */
export const SP = '8c1f2a3b-4d5e-4f60-9a7b-0c1d2e3f4a5b';

export const config = (over: Partial<IntegrationConfigInput> = {}): IntegrationConfig =>
  IntegrationConfigSchema.parse({
    workspaceUrl: 'https://adb-1234567890123456.7.azuredatabricks.net',
    httpPath: '/sql/1.0/warehouses/abc123def4567890',
    catalog: 'ucbridge',
    audit: { enabled: false },
    servicePrincipal: { applicationId: SP },
    ...over,
  });

export const CONFIGS: Readonly<Record<string, IntegrationConfig>> = {
  'minimal, audit off': config(),
  'audit on, two governed catalogs': config({ audit: { enabled: true }, governedCatalogs: ['hr', 'finance'] }),
  'MANAGE per schema, managed storage': config({
    storageLocation: "s3://ucb-managed/it's-here",
    manageScope: 'schema',
    governedCatalogs: ['hr', 'finance'],
    governedSchemas: { hr: ['default', 'payroll'], finance: ['ledger'] },
  }),
  'additional workspaces': config({
    manageScope: 'schema',
    governedCatalogs: ['main_sales'],
    additionalWorkspaceConnections: [
      { workspaceUrl: 'workspace-b.cloud.databricks.com', httpPath: '/sql/1.0/warehouses/2222222222222222', catalogs: ['isolated_catalog1'] },
      { workspaceUrl: 'workspace-c.cloud.databricks.com', httpPath: '/sql/1.0/warehouses/3333333333333333', catalogs: ['isolated_catalog2', 'isolated_catalog3'] },
    ],
    // A catalog with no schemas yet has an empty list: nothing to grant MANAGE on until one is created.
    governedSchemas: { main_sales: ['orders'], isolated_catalog1: [], isolated_catalog2: ['raw'], isolated_catalog3: ['raw', 'curated'] },
  }),
  'everything, upper-case names lowered': config({
    catalog: 'UCB_Prod',
    audit: { enabled: true },
    manageScope: 'schema',
    governedCatalogs: ['Sales', 'raw-zone'],
    governedSchemas: { SALES: ['Orders', 'default'], 'raw-zone': ['landing-2026'] },
  }),
};

/**
 * A config bypassing the schema's rules, for names the schema would refuse or normalise (a hostile application
 * id): the planner must still quote whatever it is handed.
 */
export const rawConfig = (c: IntegrationConfig, over: Partial<IntegrationConfig>): IntegrationConfig => ({ ...c, ...over });
