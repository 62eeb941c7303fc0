import type { DirectoryPrincipal } from '../../../shared/users/directory';
import type { GovernanceUser } from '../../../shared/users/governance-user';

/** Plain directory principals and governance users for the pure tests of the users view. */
export const principal = (over: Partial<DirectoryPrincipal> & Pick<DirectoryPrincipal, 'id' | 'name' | 'type'>): DirectoryPrincipal => ({
  emails: [],
  active: true,
  accountGroup: over.type === 'group',
  groups: [],
  ...over,
});

export const govUser = (over: Partial<GovernanceUser> & Pick<GovernanceUser, 'id'>): GovernanceUser => ({
  emails: [],
  active: true,
  kind: 'user',
  attributes: {},
  ...over,
});
