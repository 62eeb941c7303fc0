import type { IdentityDirectory } from '../contracts';
import { StoreDirectory } from './directory';
import { newUuid, newWorkspaceId } from './ids';
import { IdentityStore, type IdentitySnapshot } from './identity-store';
import type { UserRecord } from './model';
import { hashPassword, verifyPassword, type PasswordHash } from './passwords';
import { PersonalAccessTokens, type PatRecord } from './personal-access-tokens';
import { ServicePrincipalSecrets, type SpSecretRecord } from './service-principal-secrets';

/** Everything identity-related the sandbox persists, with no usable secret in it (digests and hashes only). */
export interface IdentitiesState {
  readonly accountId: string;
  readonly workspaceId: string;
  readonly identities: IdentitySnapshot;
  readonly passwords: Readonly<Record<string, PasswordHash>>;
  readonly pats: readonly PatRecord[];
  readonly spSecrets: readonly SpSecretRecord[];
}

/**
 * One account and one workspace's identities: the SCIM store, the directory view the Unity Catalog side reads,
 * users' passwords, PATs and service principals' OAuth secrets. Deleting a principal deletes its credentials.
 */
export class Identities {
  readonly store: IdentityStore;
  readonly directory: IdentityDirectory;
  readonly pats: PersonalAccessTokens;
  readonly spSecrets: ServicePrincipalSecrets;
  readonly accountId: string;
  readonly workspaceId: string;
  private readonly passwords: Map<string, PasswordHash>;
  private readonly listeners = new Set<() => void>();

  constructor(state?: IdentitiesState) {
    this.accountId = state?.accountId ?? newUuid();
    this.workspaceId = state?.workspaceId ?? newWorkspaceId();
    this.store = new IdentityStore(state?.identities);
    this.directory = new StoreDirectory(this.store);
    this.pats = new PersonalAccessTokens(state?.pats);
    this.spSecrets = new ServicePrincipalSecrets(state?.spSecrets);
    this.passwords = new Map(Object.entries(state?.passwords ?? {}));
    this.store.onChange((change) => {
      if (change.type === 'deleted') {
        this.pats.deleteOwnedBy(change.id);
        this.spSecrets.deleteOwnedBy(change.id);
        this.passwords.delete(change.id);
      }
      this.emit();
    });
    this.pats.onChange(() => this.emit());
    this.spSecrets.onChange(() => this.emit());
  }

  /** Called after any change, for persistence. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  state(): IdentitiesState {
    return {
      accountId: this.accountId,
      workspaceId: this.workspaceId,
      identities: this.store.snapshot(),
      passwords: Object.fromEntries(this.passwords),
      pats: this.pats.list(),
      spSecrets: this.spSecrets.list(),
    };
  }

  setPassword(userId: string, password: string): void {
    this.passwords.set(userId, hashPassword(password));
    this.emit();
  }

  /** The login page's check: an active user with this user name (case-insensitive) and password. */
  checkPassword(userName: string, password: string): UserRecord | undefined {
    const user = this.store.userByName(userName);
    const hash = user ? this.passwords.get(user.id) : undefined;
    if (!user || !hash || !user.active) return undefined;
    return verifyPassword(password, hash) ? user : undefined;
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
