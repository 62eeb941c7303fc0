/**
 * Groups every sandbox has. `admins` and `users` are the workspace's system groups (Databricks creates both in
 * every workspace and refuses to delete them); `account users` is the account-wide group Unity Catalog grants
 * commonly target. The metastore-admin group is the sandbox's stand-in for the metastore's admin principal.
 */
export const ADMINS_GROUP = 'admins';
export const USERS_GROUP = 'users';
export const ACCOUNT_USERS_GROUP = 'account users';
export const METASTORE_ADMINS_GROUP = 'metastore-admins';

export const BUILTIN_GROUPS: readonly string[] = [ADMINS_GROUP, USERS_GROUP, ACCOUNT_USERS_GROUP, METASTORE_ADMINS_GROUP];

/** Groups every new user and service principal joins automatically, as in a Databricks workspace. */
export const AUTO_MEMBERSHIP_GROUPS: readonly string[] = [USERS_GROUP, ACCOUNT_USERS_GROUP];
