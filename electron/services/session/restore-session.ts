import { parseRedirectUris, DEFAULT_REDIRECT_URIS } from '../../../shared/domain/oauth-client';
import type { VaultSecrets } from '../vault/secret-vault';
import type { ResolvedMethod } from './resolve-target';
import type { SessionRecord } from './session-record';

/**
 * The sign-in method of a saved session, rebuilt from its record and the vault's secrets. `undefined` when the
 * secret it needs is gone (kept in memory only last time, or undecryptable): the session then shows as
 * "sign in again" instead of failing later.
 */
export function methodFromRecord(record: SessionRecord, secrets: VaultSecrets | undefined): { method: ResolvedMethod; refreshToken?: string } | undefined {
  const p = record.plan;
  const s = secrets ?? {};
  switch (p.method) {
    case 'oauth-u2m': {
      const uris = parseRedirectUris(p.redirectUris ?? DEFAULT_REDIRECT_URIS);
      if (!p.clientId || !uris.ok || !s.refreshToken) return undefined;
      return {
        method: { method: 'oauth-u2m', clientId: p.clientId, redirectUris: uris.value, ...(s.clientSecret ? { clientSecret: s.clientSecret } : {}) },
        refreshToken: s.refreshToken,
      };
    }
    case 'oauth-m2m':
      return p.clientId && s.clientSecret ? { method: { method: 'oauth-m2m', clientId: p.clientId, clientSecret: s.clientSecret } } : undefined;
    case 'token-federation':
      return p.federation ? { method: { method: 'token-federation', source: p.federation, ...(p.clientId ? { clientId: p.clientId } : {}) } } : undefined;
    case 'pat':
      return s.pat ? { method: { method: 'pat', token: s.pat } } : undefined;
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
