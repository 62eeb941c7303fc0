import type { RestRequest, RestResponse, RestRoute } from '../../contracts';
import { IdentityError, type Identities, type SpSecretRecord } from '../../identity';
import { bodyObject, doesNotExist, invalidParameter, requireAdmin } from '../access';

// Workspace-level proxy and account API (databricks-oauth.md §1.2, @databricks/sdk-experimental oauth2 api).
const WORKSPACE_BASE = '/api/2.0/accounts/servicePrincipals/:service_principal_id/credentials/secrets';
const ACCOUNT_BASE = '/api/2.0/accounts/:account_id/servicePrincipals/:service_principal_id/credentials/secrets';

const iso = (ms: number): string => new Date(ms).toISOString();

/** SecretInfo without the secret: the sandbox keeps only a digest, so `secret_hash` is its first 16 hex digits. */
function secretInfo(r: SpSecretRecord): Record<string, unknown> {
  return { id: r.id, status: 'ACTIVE', secret_hash: r.digest.slice(0, 16), create_time: iso(r.createTime), update_time: iso(r.createTime), expire_time: iso(r.expireTime) };
}

/** `lifetime` is a protobuf Duration string such as "63072000s". */
function lifetimeSeconds(value: unknown): number | undefined | 'bad' {
  if (value === undefined || value === null) return undefined;
  const m = typeof value === 'string' ? /^(\d+)(?:\.\d+)?s$/u.exec(value) : null;
  return m ? Number(m[1]) : 'bad';
}

export function spSecretRoutes(identities: Identities): RestRoute[] {
  const guard = (run: (req: RestRequest, spId: string) => RestResponse) => async (req: RestRequest): Promise<RestResponse> => {
    if (req.params.account_id !== undefined && req.params.account_id !== identities.accountId) return doesNotExist(`Account ${req.params.account_id} not found.`);
    const refused = requireAdmin(identities, req.caller, 'manage service principal secrets');
    if (refused) return refused;
    const spId = req.params.service_principal_id ?? '';
    if (!identities.store.getServicePrincipal(spId)) return doesNotExist(`Service principal ${spId} not found.`);
    return run(req, spId);
  };
  const create = guard((req, spId) => {
    const lifetime = lifetimeSeconds(bodyObject(req.body).lifetime);
    if (lifetime === 'bad') return invalidParameter('lifetime must be a duration in seconds, such as "3600s".');
    try {
      const { secret, record } = identities.spSecrets.create(spId, lifetime);
      return { status: 200, body: { ...secretInfo(record), secret } };
    } catch (error) {
      if (error instanceof IdentityError) return invalidParameter(error.message);
      throw error;
    }
  });
  const list = guard((_req, spId) => ({ status: 200, body: { secrets: identities.spSecrets.list(spId).map(secretInfo) } }));
  const remove = guard((req, spId) =>
    identities.spSecrets.delete(spId, req.params.secret_id ?? '') ? { status: 200, body: {} } : doesNotExist(`Secret ${req.params.secret_id ?? ''} not found.`),
  );
  const audit = (actionName: string) => ({ serviceName: 'accounts', actionName });
  return [WORKSPACE_BASE, ACCOUNT_BASE].flatMap((base): RestRoute[] => [
    { method: 'POST', pattern: base, audit: audit('createServicePrincipalSecret'), handle: create },
    { method: 'GET', pattern: base, audit: audit('listServicePrincipalSecrets'), handle: list },
    { method: 'DELETE', pattern: `${base}/:secret_id`, audit: audit('deleteServicePrincipalSecret'), handle: remove },
  ]);
}
