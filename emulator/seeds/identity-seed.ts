/** The shape of an identity seed: people, teams and service principals of a made-up company. */
export interface SeedUser {
  readonly userName: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly displayName: string;
  readonly title: string;
  readonly groups: readonly string[];
  /** The identity provider's id, as account SCIM shows it (issue 12 §1). */
  readonly externalId?: string;
  /** Addresses besides the userName, which is always the primary one. */
  readonly otherEmails?: readonly string[];
  /** false: a deactivated user (SCIM `active`). */
  readonly active?: boolean;
}

export interface SeedGroup {
  readonly displayName: string;
  /** Groups this group is a member of (nesting). */
  readonly memberOf: readonly string[];
  readonly externalId?: string;
}

export interface SeedServicePrincipal {
  readonly displayName: string;
  readonly groups: readonly string[];
  readonly externalId?: string;
  readonly active?: boolean;
}

export interface IdentitySeed {
  readonly groups: readonly SeedGroup[];
  readonly users: readonly SeedUser[];
  readonly servicePrincipals: readonly SeedServicePrincipal[];
}
