import type { RestRequest, RestResponse, RestRoute } from '../../contracts';
import type { Identities } from '../../identity';
import { bodyObject, doesNotExist, invalidParameter, requireAdmin } from '../access';
import { parseLifetime, tokenInfo } from './token-info';

const BASE = '/api/2.0/token-management';

/** Admin token management: on-behalf-of PATs for service principals, list/get/delete any PAT (§5.6). */
export function tokenManagementRoutes(identities: Identities): RestRoute[] {
  const admin = (run: (req: RestRequest) => RestResponse) => async (req: RestRequest): Promise<RestResponse> =>
    requireAdmin(identities, req.caller, 'manage other principals\u2019 tokens') ?? run(req);
  const audit = (actionName: string) => ({ serviceName: 'accounts', actionName });

  const createOnBehalfOf = admin((req) => {
    const body = bodyObject(req.body);
    const applicationId = typeof body.application_id === 'string' ? body.application_id : '';
    const sp = identities.store.servicePrincipalByApplicationId(applicationId);
    if (!sp) return invalidParameter(`Service principal with application_id ${applicationId || '(missing)'} does not exist.`);
    const lifetime = parseLifetime(body.lifetime_seconds);
    if (lifetime === 'bad') return invalidParameter('lifetime_seconds must be a number.');
    if (body.comment !== undefined && typeof body.comment !== 'string') return invalidParameter('comment must be a string.');
    const creator = req.caller.principal;
    const { value, record } = identities.pats.create({
      ownerId: sp.id,
      createdById: creator.id,
      createdByUsername: creator.name,
      ...(typeof body.comment === 'string' ? { comment: body.comment } : {}),
      ...(lifetime === undefined ? {} : { lifetimeSeconds: lifetime }),
    });
    return { status: 200, body: { token_value: value, token_info: tokenInfo(identities, record) } };
  });

  const list = admin((req) => {
    const byId = req.query.get('created_by_id');
    const byName = req.query.get('created_by_username');
    const infos = identities.pats
      .list()
      .filter((r) => (byId === null || r.createdById === byId) && (byName === null || r.createdByUsername.toLowerCase() === byName.toLowerCase()))
      .map((r) => tokenInfo(identities, r));
    return { status: 200, body: { token_infos: infos } };
  });

  const get = admin((req) => {
    const record = identities.pats.get(req.params.token_id ?? '');
    return record ? { status: 200, body: { token_info: tokenInfo(identities, record) } } : doesNotExist(`Token ${req.params.token_id ?? ''} does not exist.`);
  });

  const remove = admin((req) =>
    identities.pats.delete(req.params.token_id ?? '') ? { status: 200, body: {} } : doesNotExist(`Token ${req.params.token_id ?? ''} does not exist.`),
  );

  return [
    { method: 'POST', pattern: `${BASE}/on-behalf-of/tokens`, audit: audit('generateDbToken'), handle: createOnBehalfOf },
    { method: 'GET', pattern: `${BASE}/tokens`, audit: audit('listTokens'), handle: list },
    { method: 'GET', pattern: `${BASE}/tokens/:token_id`, audit: audit('getToken'), handle: get },
    { method: 'DELETE', pattern: `${BASE}/tokens/:token_id`, audit: audit('revokeDbToken'), handle: remove },
  ];
}
