/** The sandbox's identity model: one account, one workspace, its users, groups and service principals. */
export { applyIdentitySeed, type SeededCredentials, type SeededServicePrincipal, type SeededUser } from './apply-seed';
export { ACCOUNT_USERS_GROUP, ADMINS_GROUP, METASTORE_ADMINS_GROUP, USERS_GROUP } from './builtin-groups';
export { StoreDirectory, toPrincipal } from './directory';
export { Identities, type IdentitiesState } from './identities';
export { IdentityStore, type IdentityChange, type IdentitySnapshot } from './identity-store';
export * from './model';
export { PAT_PATTERN, PersonalAccessTokens, type PatCheck, type PatRecord } from './personal-access-tokens';
export { MAX_SECRETS_PER_SP, ServicePrincipalSecrets, type SpSecretRecord } from './service-principal-secrets';
