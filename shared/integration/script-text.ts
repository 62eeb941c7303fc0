import { escapeControl } from '../text/escape-control';
import type { IntegrationConfig } from './config';
import { AUDIT_SCHEMAS } from './integration-objects';
import { canUseCall, integrationWarehouses } from './integration-warehouses';
import { enableSystemSchemaCall } from './system-schema-steps';
import { MANAGE_ON_CATALOG_EFFECT, MANAGE_ON_SCHEMA_EFFECT } from './sp-grants';

/**
 * Text that goes into SQL comments and notebook markdown. A comment ends at the line break, so anything
 * user-typed (a workspace URL is free text) or read from the workspace (a name) has its control and bidirectional
 * formatting characters written as escapes (escape-control.ts): nothing in a comment can become a statement or
 * change how the script reads.
 */
export const commentText = (text: string): string => escapeControl(text);

/** The config summary for a script's header: names and switches only, never a credential. */
export function configSummary(config: IntegrationConfig): string[] {
  return [
    `Workspace:              ${config.workspaceUrl}`,
    `SQL warehouse path:     ${config.httpPath}`,
    `Integration catalog:    ${config.catalog}`,
    `Managed storage:        ${config.storageLocation ?? '(the metastore\u2019s root storage)'}`,
    `Service principal:      ${config.servicePrincipal.applicationId} (application id)`,
    `Governed catalogs:      ${config.governedCatalogs.length === 0 ? '(none)' : config.governedCatalogs.join(', ')}`,
    `MANAGE granted on:      ${config.manageScope === 'catalog' ? 'each governed catalog' : 'each listed schema of each governed catalog'}`,
    `Query audit:            ${config.audit.enabled ? 'on' : 'off'}`,
    ...(config.additionalWorkspaceConnections.length === 0
      ? ['Additional workspaces:  (none)']
      : // Each additional workspace governs at least one catalog (the config schema refuses an empty list).
        config.additionalWorkspaceConnections.map((w) => `Additional workspace:   ${w.workspaceUrl} (${w.httpPath}): ${w.catalogs.join(', ')}`)),
  ].map(commentText);
}

/**
 * What MANAGE lets the service principal do in the governed catalogs, dropping included (DROP CATALOG / DROP SCHEMA
 * docs): said in the script header so whoever runs it knows what they hand over. Nothing when nothing is governed.
 */
export function manageLines(config: IntegrationConfig): string[] {
  // An additional workspace always governs at least one catalog (the config schema refuses an empty list).
  if (config.governedCatalogs.length === 0 && config.additionalWorkspaceConnections.length === 0) return [];
  return config.manageScope === 'catalog'
    ? [`MANAGE on each governed catalog: ${MANAGE_ON_CATALOG_EFFECT}`]
    : [`MANAGE on each listed schema (not on the catalogs): ${MANAGE_ON_SCHEMA_EFFECT}`];
}

/** Who may run each script (seed 001 §Permissions; reference §1.8 on who may grant). */
export function runAsLines(config: IntegrationConfig, kind: 'setup' | 'uninstall'): string[] {
  const audit = config.audit.enabled ? ' With query audit on, a metastore admin who is also an account admin (system tables).' : '';
  const storage = config.storageLocation === undefined ? '' : ` CREATE MANAGED STORAGE on the external location holding ${config.storageLocation}.`;
  return kind === 'setup'
    ? [
        `Run as: a user with CREATE CATALOG on the metastore (or the owner of catalog ${config.catalog}), and ownership or MANAGE on each governed catalog.${storage}${audit}`,
        'Every statement is idempotent: running the script again changes nothing. It contains no secret.',
      ]
    : [
        `Run as: the owner of catalog ${config.catalog} (or a metastore admin), with ownership or MANAGE on each governed catalog.${audit}`,
        `This drops catalog ${config.catalog} and everything in it, and revokes what set-up granted. Running it again changes nothing.`,
      ];
}

/**
 * What no SQL statement does, and setup.sql therefore leaves to REST calls made before it runs, each exactly: CAN_USE
 * on each workspace's warehouse (Permissions API, https://docs.databricks.com/api/workspace/permissions/update; PATCH adds the
 * entry) and, with query audit on, the two system schemas (SystemSchemas API,
 * https://docs.databricks.com/api/workspace/systemschemas/enable; reference §3.4). Empty when there is none.
 */
export function restPrerequisiteLines(config: IntegrationConfig): string[] {
  const applicationId = config.servicePrincipal.applicationId;
  // Each workspace's warehouse, the main one first; a warehouse of an additional workspace is granted on in that
  // workspace (its ACL lives there), so its call names the workspace to make it to.
  const warehouses = integrationWarehouses(config).flatMap(({ target, workspaceUrl, warehouseId }) => {
    if (warehouseId === undefined) return [];
    const call = canUseCall(warehouseId, applicationId);
    const text = `${call.method} ${call.path}  body ${JSON.stringify(call.body)}`;
    return target === 'main'
      ? [`  ${text}`, '    (a workspace admin or CAN MANAGE holder: lets the service principal run SQL on the warehouse; skip it if it can already)']
      : [`  On ${workspaceUrl}: ${text}`, '    (a workspace admin or CAN MANAGE holder there: lets the service principal run SQL on that workspace\u2019s warehouse; skip it if it can already)'];
  });
  const schemas = config.audit.enabled
    ? [
        ...AUDIT_SCHEMAS.map((s) => {
          const call = enableSystemSchemaCall('<metastore-id>', s);
          return `  ${call.method} ${call.path.replace(encodeURIComponent('<metastore-id>'), '<metastore-id>')}  body ${JSON.stringify(call.body)}`;
        }),
        '    (a metastore admin or account admin: enables the query-audit system schemas; <metastore-id> is the metastore_id of GET /api/2.1/unity-catalog/metastore_summary)',
      ]
    : [];
  const calls = [...warehouses, ...schemas];
  if (calls.length === 0) return [];
  return ['REST-only prerequisites (no SQL statement does these): make these calls to the workspace before running this script:', ...calls];
}
