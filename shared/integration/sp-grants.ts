import type { IntegrationConfig, ManageScope } from './config';
import { AUDIT_SCHEMAS, AUDIT_TABLES, STAGING_VOLUME, SYSTEM_CATALOG } from './integration-objects';
import type { SecurableType } from './observed-state';

/**
 * Every privilege the service principal gets, and why: the planner turns these into GRANT steps and the
 * least-privilege table into rows, so the two can never disagree. Nothing here is ownership, CREATE CATALOG or ALL
 * PRIVILEGES; MANAGE is on each governed catalog or, opted in, on each of its schemas (see below).
 */
export interface GrantSpec {
  readonly id: string;
  readonly securable: SecurableType;
  readonly name: readonly string[];
  readonly privileges: readonly string[];
  readonly purpose: string;
  /** Per privilege, why the service principal needs it (shown in the least-privilege table). */
  readonly why: Readonly<Record<string, string>>;
  /** Ids of steps that create the securable (empty when it exists already, like a governed catalog). */
  readonly dependsOn: readonly string[];
  readonly target: string;
  /** Whether revoking belongs in the uninstall plan (grants inside the integration catalog go with its DROP). */
  readonly revokeOnUninstall: boolean;
}

/**
 * Immuta's guide (seed 001 §Permissions) asks USE CATALOG, USE SCHEMA, SELECT, MODIFY and MANAGE directly on each
 * governed catalog, so that grants are fully applied and new schemas are covered. That is the default
 * (`manageScope: "catalog"`), and it means the service principal may also DROP the catalog: MANAGE lets its holder
 * drop the object (https://docs.databricks.com/aws/en/data-governance/unity-catalog/manage-privileges/ownership,
 * https://docs.databricks.com/aws/en/sql/language-manual/sql-ref-syntax-ddl-drop-catalog). `manageScope: "schema"`
 * grants MANAGE on each listed schema instead: it cascades to their tables (granting, row filters and column masks,
 * reference §1.6–1.9) and cannot drop the catalog, but still lets the holder drop those schemas and their tables
 * and transfer their ownership (https://docs.databricks.com/aws/en/sql/language-manual/sql-ref-syntax-ddl-drop-schema),
 * and a schema created later has no MANAGE until the integration is updated (validation reports it).
 */
const GOVERNED_CATALOG_WHY = {
  'USE CATALOG': 'Reach the catalog at all: reading anything in it needs USE CATALOG on it.',
  'USE SCHEMA': 'Reach every current and future schema in it (inherited from the catalog).',
  SELECT: 'Required with MANAGE and MODIFY to apply row filters and column masks (Immuta\u2019s guide).',
  MODIFY: 'Required to apply row filters and column masks on the tables (Immuta\u2019s guide).',
} as const;

/** What MANAGE lets the service principal do, said plainly (README, least-privilege table, script header). */
export const MANAGE_ON_CATALOG_EFFECT =
  'Grant and revoke access and set row filters and column masks on every current and future schema and table of the catalog (as Immuta\u2019s guide requires). ' +
  'It also lets the service principal drop the catalog, its schemas and tables, and transfer their ownership.';
export const MANAGE_ON_SCHEMA_EFFECT =
  'Grant and revoke access and set row filters and column masks on the schema\u2019s tables. It cannot drop the catalog, ' +
  'but lets the service principal drop this schema and its tables and transfer their ownership; a schema created later needs an Update (validation reports it).';

export function governedGrant(catalog: string, target: string, id: string, scope: ManageScope): GrantSpec {
  const manage = scope === 'catalog';
  return {
    id,
    securable: 'CATALOG',
    name: [catalog],
    privileges: [...Object.keys(GOVERNED_CATALOG_WHY), ...(manage ? ['MANAGE'] : [])],
    purpose: manage
      ? `Let the service principal reach, use and govern catalog ${catalog} (MANAGE on the catalog: it may also drop it)`
      : `Let the service principal reach and use the data in catalog ${catalog} (MANAGE is granted per schema, not here)`,
    why: manage ? { ...GOVERNED_CATALOG_WHY, MANAGE: MANAGE_ON_CATALOG_EFFECT } : GOVERNED_CATALOG_WHY,
    dependsOn: [],
    target,
    revokeOnUninstall: true,
  };
}

export function governedSchemaGrant(catalog: string, schema: string, target: string, id: string): GrantSpec {
  return {
    id,
    securable: 'SCHEMA',
    name: [catalog, schema],
    privileges: ['MANAGE'],
    purpose: `Let the service principal govern schema ${catalog}.${schema}: enforce grants, row filters and column masks on its tables (it may also drop them)`,
    why: { MANAGE: MANAGE_ON_SCHEMA_EFFECT },
    dependsOn: [],
    target,
    revokeOnUninstall: true,
  };
}

/** The catalog grant; with `manageScope: "schema"`, MANAGE on each schema listed for it (none listed: none granted). */
function governedCatalogGrants(config: IntegrationConfig, catalog: string, target: string, idPrefix: string): GrantSpec[] {
  const grant = governedGrant(catalog, target, idPrefix, config.manageScope);
  if (config.manageScope === 'catalog') return [grant];
  const schemas = [...new Set(config.governedSchemas[catalog] ?? [])];
  return [grant, ...schemas.map((s) => governedSchemaGrant(catalog, s, target, `${idPrefix}:schema:${s}`))];
}

function integrationGrants(config: IntegrationConfig): GrantSpec[] {
  const c = config.catalog;
  const base = { target: 'main', revokeOnUninstall: false } as const;
  return [
    {
      ...base,
      id: 'grant:sp:integration:catalog',
      securable: 'CATALOG',
      name: [c],
      privileges: ['USE CATALOG', 'USE SCHEMA', 'SELECT', 'MODIFY'],
      purpose: `Let the service principal read and write the integration catalog ${c}`,
      why: {
        'USE CATALOG': 'Reach the integration catalog.',
        'USE SCHEMA': 'Reach its schemas (inherited by entitlements, policies, registry).',
        SELECT: 'Read entitlements and the registry.',
        MODIFY: 'Write entitlements, user mapping and the registry.',
      },
      dependsOn: ['catalog'],
    },
    {
      ...base,
      id: 'grant:sp:integration:schema:policies',
      securable: 'SCHEMA',
      name: [c, 'policies'],
      privileges: ['CREATE FUNCTION', 'EXECUTE'],
      purpose: 'Let the service principal create policy functions and attach any of them as row filters or column masks',
      why: {
        'CREATE FUNCTION': 'Create the row-filter and column-mask functions (SQL UDFs).',
        // Setting a filter or mask needs EXECUTE on the function (reference §1.6, §1.7); granted on the schema it
        // inherits to every function there, including ones ucbridge's policy step creates as the installer.
        EXECUTE: 'Attach policy functions it does not own as row filters and column masks (setting one needs EXECUTE on the function).',
      },
      dependsOn: ['schema:policies'],
    },
    {
      ...base,
      id: `grant:sp:integration:volume:${STAGING_VOLUME.schema}.${STAGING_VOLUME.name}`,
      securable: 'VOLUME',
      name: [c, STAGING_VOLUME.schema, STAGING_VOLUME.name],
      privileges: ['READ VOLUME', 'WRITE VOLUME'],
      purpose: 'Let the service principal read and write files in the staging volume',
      why: { 'READ VOLUME': 'Read the set-up manifest and staged files.', 'WRITE VOLUME': 'Stage files for the governance product.' },
      dependsOn: [`volume:${STAGING_VOLUME.schema}.${STAGING_VOLUME.name}`],
    },
  ];
}

/** Seed 001 step 2: the minimum for query audit (reference §3.4). */
function auditGrants(): GrantSpec[] {
  const base = { target: 'main', revokeOnUninstall: true, dependsOn: [] } as const;
  return [
    {
      ...base,
      id: 'grant:sp:system:catalog',
      securable: 'CATALOG',
      name: [SYSTEM_CATALOG],
      privileges: ['USE CATALOG'],
      purpose: 'Let the service principal reach the system catalog (query audit)',
      why: { 'USE CATALOG': 'Reach the system tables (query audit).' },
    },
    ...AUDIT_SCHEMAS.map((s) => ({
      ...base,
      id: `grant:sp:system:schema:${s}`,
      securable: 'SCHEMA' as const,
      name: [SYSTEM_CATALOG, s],
      privileges: ['USE SCHEMA'],
      purpose: `Let the service principal reach system.${s} (query audit)`,
      why: { 'USE SCHEMA': `Reach the tables in system.${s} (query audit).` },
    })),
    ...AUDIT_TABLES.map(([s, t]) => ({
      ...base,
      id: `grant:sp:system:table:${s}.${t}`,
      securable: 'TABLE' as const,
      name: [SYSTEM_CATALOG, s, t],
      privileges: ['SELECT'],
      purpose: `Let the service principal read system.${s}.${t} (query audit)`,
      why: { SELECT: `Read system.${s}.${t} for query audit and lineage.` },
    })),
  ];
}

/** Main-workspace governed catalogs, then each additional workspace's catalogs (each listed once per target). */
export function governedGrants(config: IntegrationConfig): GrantSpec[] {
  const main = [...new Set(config.governedCatalogs)].flatMap((g) => governedCatalogGrants(config, g, 'main', `grant:sp:governed:${g}`));
  const extra = config.additionalWorkspaceConnections.flatMap((w) =>
    [...new Set(w.catalogs)].flatMap((g) => governedCatalogGrants(config, g, w.workspaceUrl, `grant:sp:workspace:${w.workspaceUrl}:governed:${g}`)),
  );
  return [...main, ...extra];
}

export function servicePrincipalGrants(config: IntegrationConfig): GrantSpec[] {
  return [...integrationGrants(config), ...governedGrants(config), ...(config.audit.enabled ? auditGrants() : [])];
}
