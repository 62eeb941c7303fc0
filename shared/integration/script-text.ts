import type { IntegrationConfig } from './config';

/**
 * Text that goes into SQL comments and notebook markdown. A comment ends at the line break, so anything
 * user-typed (a workspace URL is free text) has its control characters written as escapes: nothing in a comment
 * can become a statement.
 */
export function commentText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    out += code < 0x20 || code === 0x7f || ch === '\u2028' || ch === '\u2029' ? `\\u${code.toString(16).padStart(4, '0')}` : ch;
  }
  return out;
}

const listOr = (items: readonly string[], none: string): string => (items.length === 0 ? none : items.join(', '));

/** The config summary for a script's header: names and switches only, never a credential. */
export function configSummary(config: IntegrationConfig): string[] {
  return [
    `Workspace:              ${config.workspaceUrl}`,
    `SQL warehouse path:     ${config.httpPath}`,
    `Integration catalog:    ${config.catalog}`,
    `Service principal:      ${config.servicePrincipal.applicationId} (application id)`,
    `Governed catalogs:      ${listOr(config.governedCatalogs, '(none)')}`,
    `Query audit:            ${config.audit.enabled ? 'on' : 'off'}`,
    ...(config.additionalWorkspaceConnections.length === 0
      ? ['Additional workspaces:  (none)']
      : config.additionalWorkspaceConnections.map((w) => `Additional workspace:   ${w.workspaceUrl} (${w.httpPath}): ${listOr(w.catalogs, '(none)')}`)),
  ].map(commentText);
}

/** Who may run each script (seed 001 §Permissions; reference §1.8 on who may grant). */
export function runAsLines(config: IntegrationConfig, kind: 'setup' | 'uninstall'): string[] {
  const audit = config.audit.enabled ? ' With query audit on, a metastore admin who is also an account admin (system tables).' : '';
  return kind === 'setup'
    ? [
        `Run as: a user with CREATE CATALOG on the metastore (or the owner of catalog ${config.catalog}), and ownership or MANAGE on each governed catalog.${audit}`,
        'Every statement is idempotent: running the script again changes nothing. It contains no secret.',
      ]
    : [
        `Run as: the owner of catalog ${config.catalog} (or a metastore admin), with ownership or MANAGE on each governed catalog.${audit}`,
        `This drops catalog ${config.catalog} and everything in it, and revokes what set-up granted. Running it again changes nothing.`,
      ];
}
