import type { IncomingMessage } from 'node:http';
import type { Caller, RestResponse } from '../contracts';
import { toPrincipal, type Identities } from '../identity';
import type { TokenErrorShape } from '../faults/fault-spec';
import type { AccessTokenVerifier, TokenAudience } from '../oauth/access-token-verifier';
import { unauthenticated } from './errors';
import { tokenRefusal, type RefusalReason } from './token-refusal';

export type AuthOutcome =
  | { readonly ok: true; readonly caller: Caller; readonly audience: TokenAudience }
  | { readonly ok: false; readonly response: RestResponse };

/**
 * `Authorization: Bearer <PAT or OAuth access token>` → the calling principal. PATs are workspace credentials;
 * OAuth tokens carry their audience (workspace or account) from the issuer that signed them. Disabled or deleted
 * principals are refused like bad tokens, in the shape the `tokenError` fault selects (token-refusal.ts).
 */
export class BearerAuthenticator {
  constructor(
    private readonly identities: Identities,
    private readonly verifier: AccessTokenVerifier,
    private readonly shape: () => TokenErrorShape = () => 401,
  ) {}

  private refuse(reason: RefusalReason): AuthOutcome {
    return { ok: false, response: tokenRefusal(reason, this.shape()) };
  }

  async authenticate(req: IncomingMessage): Promise<AuthOutcome> {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/iu.exec(header);
    // Databricks' wording for a missing or non-bearer credential.
    if (!match) return { ok: false, response: unauthenticated('Credential was not sent or was of an unsupported type for this API.') };
    const token = match[1] as string;
    const userAgent = req.headers['user-agent'] ?? '';
    const sourceIp = req.socket.remoteAddress ?? '';

    if (token.startsWith('dapi')) {
      const check = this.identities.pats.check(token);
      if (!check.ok) return this.refuse(check.reason === 'expired' ? 'expired' : 'invalid');
      const principal = this.activePrincipal(check.record.ownerId);
      if (!principal) return this.refuse('invalid');
      return { ok: true, audience: 'workspace', caller: { principal, userAgent, credential: 'pat', sourceIp } };
    }
    const check = await this.verifier.verify(token);
    if (!check.ok) return this.refuse(check.reason === 'expired' ? 'expired' : 'invalid');
    const owner = this.identities.directory.byName(check.subject);
    const principal = owner ? this.activePrincipal(owner.id) : undefined;
    if (!principal) return this.refuse('invalid');
    return { ok: true, audience: check.audience, caller: { principal, userAgent, credential: 'oauth', sourceIp } };
  }

  private activePrincipal(id: string): Caller['principal'] | undefined {
    const identity = this.identities.store.get(id);
    if (!identity || identity.kind === 'group' || !identity.record.active) return undefined;
    return toPrincipal(identity);
  }
}
