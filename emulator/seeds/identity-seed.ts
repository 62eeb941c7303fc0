/** The shape of an identity seed: people, teams and service principals of a made-up company. */
export interface SeedUser {
  readonly userName: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly displayName: string;
  readonly title: string;
  readonly groups: readonly string[];
}

export interface SeedGroup {
  readonly displayName: string;
  /** Groups this group is a member of (nesting). */
  readonly memberOf: readonly string[];
}

export interface SeedServicePrincipal {
  readonly displayName: string;
  readonly groups: readonly string[];
}

export interface IdentitySeed {
  readonly groups: readonly SeedGroup[];
  readonly users: readonly SeedUser[];
  readonly servicePrincipals: readonly SeedServicePrincipal[];
}
