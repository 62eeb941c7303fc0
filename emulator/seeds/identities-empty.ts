import type { IdentitySeed } from './identity-seed';

/** A bare workspace: one admin to sign in with, nothing else. */
export const EMPTY_IDENTITIES: IdentitySeed = {
  groups: [],
  users: [
    {
      userName: 'admin@sandbox.example',
      givenName: 'Sandbox',
      familyName: 'Admin',
      displayName: 'Sandbox Admin',
      title: 'Workspace Admin',
      groups: ['admins', 'metastore-admins'],
    },
  ],
  servicePrincipals: [],
};
