/**
 * Identity records as the sandbox stores them. Field names follow Databricks SCIM (unity-catalog-scim-rest.md §5.2)
 * so the REST layer serialises them without renaming. Records are immutable; the store replaces them on change.
 */

export interface EmailEntry {
  readonly value: string;
  readonly type: string;
  readonly primary: boolean;
}

export interface UserRecord {
  /** SCIM id: Databricks uses numeric strings. */
  readonly id: string;
  /** The user's email; also the Unity Catalog principal name. */
  readonly userName: string;
  readonly displayName: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly emails: readonly EmailEntry[];
  readonly active: boolean;
  readonly externalId?: string;
  readonly entitlements: readonly string[];
}

export interface ServicePrincipalRecord {
  readonly id: string;
  /** UUID; the Unity Catalog principal name and the OAuth client_id (databricks-oauth.md §3.1). */
  readonly applicationId: string;
  readonly displayName: string;
  readonly active: boolean;
  readonly externalId?: string;
  readonly entitlements: readonly string[];
}

export interface GroupRecord {
  readonly id: string;
  /** The Unity Catalog principal name of a group. */
  readonly displayName: string;
  readonly externalId?: string;
  /** Direct members: SCIM ids of users, service principals and groups. */
  readonly memberIds: readonly string[];
  readonly entitlements: readonly string[];
}

export type IdentityRecord =
  | { readonly kind: 'user'; readonly record: UserRecord }
  | { readonly kind: 'service-principal'; readonly record: ServicePrincipalRecord }
  | { readonly kind: 'group'; readonly record: GroupRecord };

export interface NewUser {
  readonly userName: string;
  readonly displayName?: string;
  readonly givenName?: string;
  readonly familyName?: string;
  readonly emails?: readonly EmailEntry[];
  readonly active?: boolean;
  readonly externalId?: string;
  readonly entitlements?: readonly string[];
}

export interface NewServicePrincipal {
  readonly displayName: string;
  readonly applicationId?: string;
  readonly active?: boolean;
  readonly externalId?: string;
  readonly entitlements?: readonly string[];
}

export interface NewGroup {
  readonly displayName: string;
  readonly externalId?: string;
  readonly memberIds?: readonly string[];
  readonly entitlements?: readonly string[];
}

/** Why an identity operation was refused; the REST layer maps each kind to an HTTP status. */
export type IdentityErrorKind = 'conflict' | 'not-found' | 'invalid';

export class IdentityError extends Error {
  constructor(
    readonly kind: IdentityErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'IdentityError';
  }
}
