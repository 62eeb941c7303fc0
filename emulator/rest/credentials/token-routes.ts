import type { RestRoute } from '../../contracts';
import type { Identities } from '../../identity';
import { bodyObject, doesNotExist, invalidParameter } from '../access';
import { parseLifetime, publicTokenInfo } from './token-info';

/** Self-service PATs: create, list and delete one's own (unity-catalog-scim-rest.md §5.6). */
export function tokenRoutes(identities: Identities): RestRoute[] {
  const audit = (actionName: string) => ({ serviceName: 'accounts', actionName });
  return [
    {
      method: 'POST',
      pattern: '/api/2.0/token/create',
      audit: audit('generateDbToken'),
      handle: async (req) => {
        const body = bodyObject(req.body);
        const lifetime = parseLifetime(body.lifetime_seconds);
        if (lifetime === 'bad') return invalidParameter('lifetime_seconds must be a number.');
        if (body.comment !== undefined && typeof body.comment !== 'string') return invalidParameter('comment must be a string.');
        const me = req.caller.principal;
        const { value, record } = identities.pats.create({
          ownerId: me.id,
          createdById: me.id,
          createdByUsername: me.name,
          ...(typeof body.comment === 'string' ? { comment: body.comment } : {}),
          ...(lifetime === undefined ? {} : { lifetimeSeconds: lifetime }),
        });
        return { status: 200, body: { token_value: value, token_info: publicTokenInfo(record) } };
      },
    },
    {
      method: 'GET',
      pattern: '/api/2.0/token/list',
      audit: audit('listTokens'),
      handle: async (req) => ({
        status: 200,
        body: { token_infos: identities.pats.list().filter((r) => r.ownerId === req.caller.principal.id).map(publicTokenInfo) },
      }),
    },
    {
      method: 'POST',
      pattern: '/api/2.0/token/delete',
      audit: audit('revokeDbToken'),
      handle: async (req) => {
        const tokenId = bodyObject(req.body).token_id;
        if (typeof tokenId !== 'string' || tokenId === '') return invalidParameter('token_id is required.');
        const record = identities.pats.get(tokenId);
        if (!record || record.ownerId !== req.caller.principal.id) return doesNotExist(`Token ${tokenId} does not exist.`);
        identities.pats.delete(tokenId);
        return { status: 200, body: {} };
      },
    },
  ];
}
