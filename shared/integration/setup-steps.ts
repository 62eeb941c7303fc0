import { quoteIdent, quoteLiteral, quoteName } from '../sql/quote';
import type { IntegrationConfig } from './config';
import { INTEGRATION_TAG, SCHEMAS, STAGING_VOLUME, TABLES, type IntegrationSchema } from './integration-objects';
import { servicePrincipalGrants, type GrantSpec } from './sp-grants';
import type { StepDraft } from './step-check';
import { boundedStepId } from './step-id';
import { workspaceHost } from './workspace-host';

/**
 * The set-up steps for a config, in dependency order, before marking. Only idempotent forms (reference §1.1–1.4,
 * §1.8): CREATE … IF NOT EXISTS, SET TAGS (re-setting a key to its value is a no-op), GRANT (granting what is held
 * changes nothing). Every name and literal goes through shared/sql/quote.ts.
 */

/** Objects inside the integration catalog go with `DROP CATALOG … CASCADE`: no inverse of their own. */
const INSIDE_CATALOG = null;

/**
 * A metastore without root storage refuses a bare CREATE CATALOG; the catalog then needs its own managed location
 * (https://docs.databricks.com/aws/en/connect/unity-catalog/cloud-storage/managed-storage).
 */
const managedLocation = (config: IntegrationConfig): string =>
  config.storageLocation === undefined ? '' : ` MANAGED LOCATION ${quoteLiteral(config.storageLocation)}`;

function catalogSteps(config: IntegrationConfig): StepDraft[] {
  const c = config.catalog;
  const host = workspaceHost(config.workspaceUrl);
  const main = { target: 'main' } as const;
  return [
    {
      ...main,
      id: 'catalog',
      // MANAGED LOCATION before COMMENT: the order the older CREATE CATALOG grammar fixes (reference §1.1).
      sql: `CREATE CATALOG IF NOT EXISTS ${quoteIdent(c)}${managedLocation(config)} COMMENT ${quoteLiteral(`Integration catalog managed by ucbridge for ${host}. Readable by the governance product's service principal only; do not grant it to others.`)}`,
      purpose: config.storageLocation === undefined ? `Create the integration catalog ${c}` : `Create the integration catalog ${c}, its managed storage at ${config.storageLocation}`,
      dependsOn: [],
      inverse: `DROP CATALOG IF EXISTS ${quoteIdent(c)} CASCADE`,
      check: { kind: 'catalog', catalog: c },
    },
    {
      ...main,
      id: 'catalog:tag',
      sql: `ALTER CATALOG ${quoteIdent(c)} SET TAGS (${quoteLiteral(INTEGRATION_TAG)} = ${quoteLiteral(host)})`,
      purpose: `Mark ${c} as ucbridge's integration catalog for ${host}, so another set-up recognises it`,
      dependsOn: ['catalog'],
      inverse: INSIDE_CATALOG,
      check: { kind: 'catalog-tag', catalog: c, tag: INTEGRATION_TAG, value: host },
    },
    ...(Object.keys(SCHEMAS) as IntegrationSchema[]).map((s): StepDraft => ({
      ...main,
      id: `schema:${s}`,
      sql: `CREATE SCHEMA IF NOT EXISTS ${quoteName(c, s)} COMMENT ${quoteLiteral(SCHEMAS[s])}`,
      purpose: `Create schema ${s}: ${SCHEMAS[s].charAt(0).toLowerCase()}${SCHEMAS[s].slice(1)}`,
      dependsOn: ['catalog'],
      inverse: INSIDE_CATALOG,
      check: { kind: 'schema', name: [c, s] },
    })),
    ...TABLES.map((t): StepDraft => ({
      ...main,
      id: `table:${t.schema}.${t.name}`,
      sql: `CREATE TABLE IF NOT EXISTS ${quoteName(c, t.schema, t.name)} (${t.columns.map(([n, type]) => `${quoteIdent(n)} ${type}`).join(', ')}) COMMENT ${quoteLiteral(t.comment)}`,
      purpose: `Create table ${t.schema}.${t.name}: ${t.comment.charAt(0).toLowerCase()}${t.comment.slice(1)}`,
      dependsOn: [`schema:${t.schema}`],
      inverse: INSIDE_CATALOG,
      check: { kind: 'table', name: [c, t.schema, t.name] },
    })),
    {
      ...main,
      id: `volume:${STAGING_VOLUME.schema}.${STAGING_VOLUME.name}`,
      sql: `CREATE VOLUME IF NOT EXISTS ${quoteName(c, STAGING_VOLUME.schema, STAGING_VOLUME.name)} COMMENT ${quoteLiteral(STAGING_VOLUME.comment)}`,
      purpose: `Create volume ${STAGING_VOLUME.schema}.${STAGING_VOLUME.name} for the set-up manifest and staged files`,
      dependsOn: [`schema:${STAGING_VOLUME.schema}`],
      inverse: INSIDE_CATALOG,
      check: { kind: 'volume', name: [c, STAGING_VOLUME.schema, STAGING_VOLUME.name] },
    },
  ];
}

const securableSql = (g: Pick<GrantSpec, 'securable' | 'name'>): string => `${g.securable} ${quoteName(...g.name)}`;

/** REVOKE of exactly these privileges (uninstall revokes what set-up added, which may be fewer than it grants). */
export const revokeStatement = (g: Pick<GrantSpec, 'securable' | 'name'>, privileges: readonly string[], applicationId: string): string =>
  `REVOKE ${privileges.join(', ')} ON ${securableSql(g)} FROM ${quoteIdent(applicationId)}`;

function grantStep(g: GrantSpec, applicationId: string): StepDraft {
  const privileges = g.privileges.join(', ');
  const principal = quoteIdent(applicationId);
  return {
    id: boundedStepId(g.id),
    sql: `GRANT ${privileges} ON ${securableSql(g)} TO ${principal}`,
    purpose: g.purpose,
    dependsOn: g.dependsOn,
    inverse: g.revokeOnUninstall ? revokeStatement(g, g.privileges, applicationId) : null,
    target: g.target,
    check: { kind: 'grant', securable: g.securable, name: g.name, privileges: g.privileges },
  };
}

export function setupSteps(config: IntegrationConfig): StepDraft[] {
  return [...catalogSteps(config), ...servicePrincipalGrants(config).map((g) => grantStep(g, config.servicePrincipal.applicationId))];
}
