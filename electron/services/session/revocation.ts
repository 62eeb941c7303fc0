import type { Logger } from '../../ports';
import type { LiveSession } from './live-session';

export interface RevocationOutcome {
  readonly revoked: boolean;
  readonly manualRevocationSteps: readonly string[];
}

/**
 * Disconnect's server side. Databricks documents no revocation endpoint and its SDKs never revoke (`databricks
 * auth logout` only deletes the local cache; reference databricks-oauth.md §1.1, §4.1), so the refresh token is
 * revoked only where discovery advertises `revocation_endpoint` (RFC 7009). Otherwise — and for credentials that
 * are not ours to revoke — the admin is told exactly where to do it. JWT access tokens cannot be revoked and
 * expire on their own within their TTL (reference oauth-loopback-testing.md).
 */
export async function revokeSession(live: LiveSession, logger: Logger): Promise<RevocationOutcome> {
  const m = live.method;
  const account = 'the account console (Settings → App connections)';
  switch (m.method) {
    case 'oauth-u2m': {
      const refreshToken = live.tokens.current()?.refreshToken;
      if (refreshToken && live.kit) {
        try {
          const endpoints = await live.kit.endpoints();
          if (endpoints.revocationEndpoint) {
            const client = { clientId: m.clientId, ...(m.clientSecret ? { clientSecret: m.clientSecret } : {}) };
            const revoked = await (await live.kit.client()).revoke({ client, token: refreshToken, hint: 'refresh_token' });
            if (revoked) return { revoked: true, manualRevocationSteps: [] };
          }
        } catch (error) {
          logger.warn('revoking the refresh token failed', { error });
        }
      }
      return {
        revoked: false,
        manualRevocationSteps: [
          `${live.workspace.host} does not offer token revocation, so ucbridge deleted its copy of the refresh token. ` +
            'It stops working when its lifetime (the app connection\'s refresh-token TTL) runs out.',
          `To cut it off at once, in ${account} open the app connection with client id ${m.clientId} and delete it ` +
            '(this signs every user of that connection out), or ask an account admin to do so.',
        ],
      };
    }
    case 'oauth-m2m':
      return {
        revoked: false,
        manualRevocationSteps: [
          `The service principal ${m.clientId} signs in with an OAuth secret that stays valid until it expires or is deleted.`,
          `To revoke it: the account console → User management → Service principals → ${m.clientId} → Secrets, then delete the secret ` +
            '(or, in the workspace: Settings → Identity and access → Service principals).',
        ],
      };
    case 'token-federation':
      return {
        revoked: false,
        manualRevocationSteps: [
          'Federated tokens are minted from your identity provider\'s token. To stop this access, delete the federation policy ' +
            'in the account console (Settings → Security → Federation policies, or the service principal\'s Federation policies tab).',
        ],
      };
    case 'pat':
      return {
        revoked: false,
        manualRevocationSteps: [
          `ucbridge forgot the personal access token. To revoke it, in ${live.workspace.host} open Settings → Developer → Access tokens and delete it.`,
        ],
      };
  }
}
