import type { IdentitySeed } from '../seeds/identity-seed';
import { ADMINS_GROUP } from './builtin-groups';
import type { Identities } from './identities';
import { IdentityError } from './model';
import { generatePassword } from './passwords';

/** Credentials handed to whoever started the sandbox (the `--json` line), the only place they appear in clear. */
export interface SeededUser {
  readonly userName: string;
  readonly displayName: string;
  readonly password: string;
  readonly token: string;
  readonly admin: boolean;
  readonly groups: readonly string[];
}

export interface SeededServicePrincipal {
  readonly applicationId: string;
  readonly displayName: string;
  readonly clientSecret: string;
  readonly admin: boolean;
}

export interface SeededCredentials {
  readonly users: readonly SeededUser[];
  readonly servicePrincipals: readonly SeededServicePrincipal[];
}

/** Creates the seed's groups, users (each with a password and a PAT) and service principals (each with a secret). */
export function applyIdentitySeed(identities: Identities, seed: IdentitySeed): SeededCredentials {
  const { store } = identities;
  const groupId = (name: string): string => {
    const group = store.groupByName(name);
    if (!group) throw new IdentityError('invalid', `Seed refers to unknown group ${name}`);
    return group.id;
  };
  for (const g of seed.groups) store.createGroup({ displayName: g.displayName, ...(g.externalId === undefined ? {} : { externalId: g.externalId }) });
  for (const g of seed.groups) for (const parent of g.memberOf) store.addMembers(groupId(parent), [groupId(g.displayName)]);

  const admin = store.listUsers().find((u) => identities.directory.isWorkspaceAdmin(u.id));
  // A deactivated user cannot sign in (identities.ts checks `active`), so it gets no password or token to hand out.
  const users = seed.users.flatMap((u): SeededUser[] => {
    const user = store.createUser({
      userName: u.userName,
      displayName: u.displayName,
      givenName: u.givenName,
      familyName: u.familyName,
      entitlements: ['workspace-access', 'databricks-sql-access'],
      ...(u.externalId === undefined ? {} : { externalId: u.externalId }),
      ...(u.otherEmails === undefined ? {} : { emails: [{ value: u.userName, type: 'work', primary: true }, ...u.otherEmails.map((value) => ({ value, type: 'other', primary: false }))] }),
      ...(u.active === undefined ? {} : { active: u.active }),
    });
    for (const name of u.groups) store.addMembers(groupId(name), [user.id]);
    if (u.active === false) return [];
    const password = generatePassword();
    identities.setPassword(user.id, password);
    const pat = identities.pats.create({
      ownerId: user.id,
      createdById: admin?.id ?? user.id,
      createdByUsername: admin?.userName ?? user.userName,
      comment: 'sandbox demo token',
    });
    return [
      {
        userName: user.userName,
        displayName: user.displayName,
        password,
        token: pat.value,
        admin: u.groups.includes(ADMINS_GROUP),
        groups: store.allGroups(user.id).map((g) => g.displayName).sort(),
      },
    ];
  });

  const servicePrincipals = seed.servicePrincipals.map((s): SeededServicePrincipal => {
    const sp = store.createServicePrincipal({ displayName: s.displayName, entitlements: ['databricks-sql-access'], ...(s.externalId === undefined ? {} : { externalId: s.externalId }), ...(s.active === undefined ? {} : { active: s.active }) });
    for (const name of s.groups) store.addMembers(groupId(name), [sp.id]);
    const { secret } = identities.spSecrets.create(sp.id);
    return { applicationId: sp.applicationId, displayName: sp.displayName, clientSecret: secret, admin: s.groups.includes(ADMINS_GROUP) };
  });
  return { users, servicePrincipals };
}
