import { z } from 'zod';
import type { IntegrationConfig } from './config';
import { integrationWarehouses } from './integration-warehouses';
import { servicePrincipalGrants, type GrantSpec } from './sp-grants';

/**
 * The least-privilege table the configure step shows: what the person installing needs, and what the service
 * principal is granted, each with why. The service principal's rows come from the same grant list the planner
 * turns into GRANT statements, so the table and the plan cannot disagree.
 */
export const LeastPrivilegeRowSchema = z.object({
  who: z.enum(['installer', 'service-principal']),
  /** `CREATE CATALOG`, `USE CATALOG`, `Owner or MANAGE`, `Metastore admin`… */
  privilege: z.string(),
  /** `metastore`, `catalog hr`, `schema ucbridge.policies`, `volume ucbridge.registry.staging`, `account`. */
  on: z.string(),
  why: z.string(),
  /** `main` or an additional workspace's URL. */
  target: z.string(),
});
export type LeastPrivilegeRow = z.infer<typeof LeastPrivilegeRowSchema>;

const warehouseOn = (httpPath: string, warehouseId: string | undefined): string => (warehouseId ? `SQL warehouse ${warehouseId}` : `SQL warehouse at ${httpPath}`);

const securableText = (g: Pick<GrantSpec, 'securable' | 'name'>): string => `${g.securable.toLowerCase()} ${g.name.join('.')}`;

function installerRows(config: IntegrationConfig): LeastPrivilegeRow[] {
  const installer = { who: 'installer', target: 'main' } as const;
  const governed = [
    ...config.governedCatalogs.map((c) => ({ c, target: 'main' })),
    ...config.additionalWorkspaceConnections.flatMap((w) => w.catalogs.map((c) => ({ c, target: w.workspaceUrl }))),
  ];
  return [
    {
      ...installer,
      privilege: 'CREATE CATALOG',
      on: 'metastore',
      why: `Create the integration catalog ${config.catalog}. Not needed if ${config.catalog} already exists and you own it.`,
    },
    ...(config.storageLocation === undefined
      ? []
      : [
          {
            ...installer,
            privilege: 'CREATE MANAGED STORAGE',
            on: `the external location holding ${config.storageLocation}`,
            why: `Create ${config.catalog} with its managed storage at ${config.storageLocation}: a managed location must be inside an external location on which you hold CREATE MANAGED STORAGE.`,
          },
        ]),
    ...governed.map(({ c, target }) => ({
      ...installer,
      target,
      privilege: 'Owner, or MANAGE with USE CATALOG',
      on: `catalog ${c}`,
      why: `Grant the service principal its privileges on this catalog${config.manageScope === 'schema' ? ' and MANAGE on its schemas' : ', MANAGE included'}: only its owner, a metastore admin or a MANAGE holder may grant.`,
    })),
    // Giving the service principal CAN_USE (saving the settings, or the call setup.sql's header lists) changes the
    // warehouse's permissions: only workspace admins and CAN MANAGE holders may
    // (https://docs.databricks.com/aws/en/security/auth/access-control/#sql-warehouse-acls).
    ...integrationWarehouses(config).map(({ target, httpPath, warehouseId }) => ({
      ...installer,
      target,
      privilege: 'Workspace admin, or CAN MANAGE',
      on: warehouseOn(httpPath, warehouseId),
      why: 'Give the service principal CAN_USE on this warehouse: only workspace admins and CAN MANAGE holders change who may use it.',
    })),
    ...(config.audit.enabled
      ? [
          {
            ...installer,
            privilege: 'Metastore admin',
            on: 'metastore',
            why: 'Grant access to the system tables for query audit; no one has it by default.',
          },
          {
            ...installer,
            privilege: 'Account admin',
            on: 'account',
            why: 'Granting on system schemas takes a user who is both metastore and account admin, and so does enabling the access and query schemas.',
          },
        ]
      : []),
  ];
}

/**
 * Not Unity Catalog grants: a warehouse permission on each workspace's warehouse (the main one and each additional
 * workspace's), which ucbridge sets through REST (integration-warehouses.ts).
 */
function warehouseRows(config: IntegrationConfig): LeastPrivilegeRow[] {
  return integrationWarehouses(config).map(({ target, httpPath, warehouseId }): LeastPrivilegeRow => ({
    who: 'service-principal',
    privilege: 'CAN_USE',
    on: warehouseOn(httpPath, warehouseId),
    why: 'Run the governance product’s SQL on this warehouse: the databricks-sql-access entitlement alone does not let it use a warehouse (Partner Connect grants the same).',
    target,
  }));
}

export function leastPrivilegeRows(config: IntegrationConfig): LeastPrivilegeRow[] {
  const sp = servicePrincipalGrants(config).flatMap((g) =>
    g.privileges.map((privilege): LeastPrivilegeRow => ({ who: 'service-principal', privilege, on: securableText(g), why: g.why[privilege] ?? g.purpose, target: g.target })),
  );
  return [...installerRows(config), ...warehouseRows(config), ...sp];
}
