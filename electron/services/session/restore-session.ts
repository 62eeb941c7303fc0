import { parseRedirectUris, DEFAULT_REDIRECT_URIS } from '../../../shared/domain/oauth-client';
import type { VaultSecrets } from '../vault/secret-vault';
import type { ResolvedMethod } from './resolve-target';
import type { SessionRecord } from './session-record';

/**
 * The sign-in method of a saved session, rebuilt from its record and the vault's secrets. `complete` is false when
 * the secret it needs is gone (kept in memory only last time, or undecryptable): the session then shows as
 * "sign in again" with its method intact, and re-authenticating asks for the secret only if it must.
 */
export function methodFromRecord(record: SessionRecord, secrets: VaultSecrets | undefined): { method: ResolvedMethod; complete: boolean; refreshToken?: string } {
  const p = record.plan;
  const s = secrets ?? {};
  switch (p.method) {
    case 'oauth-u2m': {
      const uris = parseRedirectUris(p.redirectUris ?? DEFAULT_REDIRECT_URIS);
      const method: ResolvedMethod = {
        method: 'oauth-u2m',
        clientId: p.clientId ?? '',
        redirectUris: uris.ok ? uris.value : [],
        ...(s.clientSecret ? { clientSecret: s.clientSecret } : {}),
      };
      return { method, complete: !!p.clientId && uris.ok && !!s.refreshToken, ...(s.refreshToken ? { refreshToken: s.refreshToken } : {}) };
    }
    case 'oauth-m2m':
      return { method: { method: 'oauth-m2m', clientId: p.clientId ?? '', clientSecret: s.clientSecret ?? '' }, complete: !!p.clientId && !!s.clientSecret };
    case 'token-federation':
      return {
        method: { method: 'token-federation', source: p.federation ?? { kind: 'env', name: 'DATABRICKS_OIDC_TOKEN' }, ...(p.clientId ? { clientId: p.clientId } : {}) },
        complete: p.federation !== undefined,
      };
    case 'pat':
      return { method: { method: 'pat', token: s.pat ?? '' }, complete: !!s.pat };
  }
}

/** Whether re-authenticating can run without asking for a secret again. */
export function missingSecret(m: ResolvedMethod): boolean {
  switch (m.method) {
    case 'oauth-u2m':
      return m.clientId === '' || m.redirectUris.length === 0;
    case 'oauth-m2m':
      return m.clientSecret === '';
    case 'token-federation':
      return false;
    case 'pat':
      return m.token === '';
  }
}

/** The plan (no secrets) recorded for a method. */
export function planOf(m: ResolvedMethod, extra: { accountId?: string; profile?: string }): SessionRecord['plan'] {
  const base = { method: m.method, ...(extra.accountId ? { accountId: extra.accountId } : {}), ...(extra.profile ? { profile: extra.profile } : {}) };
  switch (m.method) {
    case 'oauth-u2m':
      return { ...base, clientId: m.clientId, redirectUris: m.redirectUris.map((u) => u.uri) };
    case 'oauth-m2m':
      return { ...base, clientId: m.clientId };
    case 'token-federation':
      return { ...base, federation: m.source, ...(m.clientId ? { clientId: m.clientId } : {}) };
    case 'pat':
      return base;
  }
}
