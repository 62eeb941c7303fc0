import type { DirectoryPrincipal } from './directory';
import type { GovernanceUser } from './governance-user';

export const gov = (id: string, over: Partial<GovernanceUser> = {}): GovernanceUser => ({ id, emails: [], active: true, kind: 'user', attributes: {}, ...over });

export const dbUser = (id: string, userName: string, over: Partial<DirectoryPrincipal> = {}): DirectoryPrincipal => ({
  type: 'user', id, name: userName, emails: [userName], active: true, accountGroup: false, groups: [], ...over,
});

export const dbGroup = (id: string, name: string, over: Partial<DirectoryPrincipal> = {}): DirectoryPrincipal => ({
  type: 'group', id, name, displayName: name, emails: [], active: true, accountGroup: true, groups: [], ...over,
});

export const dbSp = (id: string, applicationId: string, over: Partial<DirectoryPrincipal> = {}): DirectoryPrincipal => ({
  type: 'servicePrincipal', id, name: applicationId, emails: [], active: true, accountGroup: false, groups: [], ...over,
});
