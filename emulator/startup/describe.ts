import type { EmulatorInfo } from './info';

/** A human-readable summary of the sandbox for the terminal (without --json). */
export function describeSandbox(info: EmulatorInfo): string {
  const lines = [
    `Sandbox Databricks workspace: ${info.workspaceUrl}`,
    `  trust this CA:  ${info.caCertPath}`,
    `  account id:     ${info.accountId}`,
    `  workspace id:   ${info.workspaceId}`,
    `  OAuth app:      ${info.oauth.u2mClientId} (redirect URIs: ${info.oauth.redirectUris.join(', ')})`,
    '  warehouses:',
    ...info.warehouses.map((w) => `    ${w.name} [${w.state}] ${w.httpPath}`),
    '  users (password / PAT):',
    ...info.users.map((u) => `    ${u.displayName} <${u.userName}>${u.admin ? ' (admin)' : ''}  ${u.password}  ${u.token}`),
    '  service principals (application id / OAuth secret):',
    ...info.servicePrincipals.map((s) => `    ${s.displayName}${s.admin ? ' (admin)' : ''}  ${s.applicationId}  ${s.clientSecret}`),
  ];
  return lines.join('\n');
}
