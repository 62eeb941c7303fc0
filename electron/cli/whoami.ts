import type { CliConnection } from './cli-connect';

/** `ucbridge whoami`: the identity the credentials resolve to (user name or application id, and display name). */
export function formatWhoami(c: CliConnection, json: boolean): string {
  const { identity: i, workspace: w } = c;
  if (json) {
    return JSON.stringify({
      userName: i.userName,
      displayName: i.displayName,
      kind: i.kind,
      admin: i.admin,
      groups: i.groups,
      workspace: { url: w.url, kind: w.kind, ...(w.workspaceId ? { workspaceId: w.workspaceId } : {}), ...(w.accountId ? { accountId: w.accountId } : {}) },
      authMethod: c.authMethod,
    });
  }
  const who = i.kind === 'service-principal' ? 'service principal' : 'user';
  return [
    `${i.userName} (${i.displayName})`,
    `  identity   ${who}${i.admin ? ', workspace admin' : ''}`,
    `  workspace  ${w.url}${w.workspaceId ? ` (workspace id ${w.workspaceId})` : ''}${w.accountId ? ` (account ${w.accountId})` : ''}`,
    `  groups     ${i.groups.length ? i.groups.join(', ') : 'none'}`,
    `  signed in  with ${c.authMethod}`,
  ].join('\n');
}
