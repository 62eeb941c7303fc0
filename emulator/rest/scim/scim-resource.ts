import type { Caller, RestResponse, RestRoute } from '../../contracts';
import { scimError } from '../../http/errors';
import type { Identities } from '../../identity';
import { listResponse } from './list-response';
import { project } from './projection';
import { toScimError } from './scim-errors';
import { levelView, ACCOUNT_MAX_COUNT } from './scim-level';

type Json = Record<string, unknown>;

/** One SCIM resource type as the generic routes see it. */
export interface ScimKind {
  readonly resource: 'Users' | 'Groups' | 'ServicePrincipals';
  readonly noun: string;
  list(): readonly Json[];
  get(id: string): Json | undefined;
  create(body: unknown): Json;
  replace(id: string, body: unknown): Json;
  patch(id: string, body: unknown): Json;
}

export interface ScimScope {
  readonly identities: Identities;
  /** `/api/2.0/preview/scim/v2` or `/api/2.0/accounts/:account_id/scim/v2`. */
  readonly base: string;
  readonly level: 'workspace' | 'account';
}

/**
 * Reads are open to every workspace user (the sharing dialogs of Databricks list users and groups); writes need a
 * workspace admin. In the sandbox's single account the account admins are the same principals.
 */
function denied(scope: ScimScope, caller: Caller, write: boolean): RestResponse | undefined {
  if (!write || scope.identities.directory.isWorkspaceAdmin(caller.principal.id)) return undefined;
  const who = scope.level === 'account' ? 'account admins' : 'workspace admins';
  return scimError(403, `Only ${who} can change users, groups and service principals.`);
}

function wrongAccount(scope: ScimScope, params: Readonly<Record<string, string>>): RestResponse | undefined {
  if (scope.level === 'workspace' || params.account_id === scope.identities.accountId) return undefined;
  return scimError(404, `Account ${params.account_id ?? ''} not found.`);
}

/** GET list, POST, GET/PUT/PATCH/DELETE by id for one resource type (unity-catalog-scim-rest.md §5.1). */
export function scimResourceRoutes(scope: ScimScope, kind: ScimKind): RestRoute[] {
  const path = `${scope.base}/${kind.resource}`;
  const singular = kind.noun.replace(/\s/gu, '');
  const audit = (action: string) => ({ serviceName: 'accounts', actionName: `${action}${singular}` });
  const guard = (write: boolean, run: (params: Readonly<Record<string, string>>, body: unknown, query: URLSearchParams) => RestResponse) =>
    async (req: Parameters<RestRoute['handle']>[0]): Promise<RestResponse> => {
      const refused = wrongAccount(scope, req.params) ?? denied(scope, req.caller, write);
      if (refused) return refused;
      try {
        return run(req.params, req.body, req.query);
      } catch (error) {
        return toScimError(error);
      }
    };
  const view = levelView(scope.level);
  const found = (id: string, query: URLSearchParams): RestResponse => {
    const raw = kind.get(id);
    const resource = raw === undefined ? undefined : view(raw);
    return resource ? { status: 200, body: project(resource, query) } : scimError(404, `${kind.noun} ${id} not found.`);
  };
  const maxCount = scope.level === 'account' ? ACCOUNT_MAX_COUNT : undefined;
  const listed = (): Json[] => kind.list().flatMap((r): Json[] => { const v = view(r); return v === undefined ? [] : [v]; });
  return [
    { method: 'GET', pattern: path, audit: audit('list'), handle: guard(false, (_p, _b, q) => listResponse(listed(), q, maxCount)) },
    { method: 'POST', pattern: path, audit: audit('create'), handle: guard(true, (_p, b) => ({ status: 201, body: kind.create(b) })) },
    { method: 'GET', pattern: `${path}/:id`, audit: audit('get'), handle: guard(false, (p, _b, q) => found(p.id ?? '', q)) },
    { method: 'PUT', pattern: `${path}/:id`, audit: audit('update'), handle: guard(true, (p, b) => ({ status: 200, body: kind.replace(p.id ?? '', b) })) },
    { method: 'PATCH', pattern: `${path}/:id`, audit: audit('patch'), handle: guard(true, (p, b) => ({ status: 200, body: kind.patch(p.id ?? '', b) })) },
    {
      method: 'DELETE',
      pattern: `${path}/:id`,
      audit: audit('delete'),
      handle: guard(true, (p) => {
        if (!kind.get(p.id ?? '')) return scimError(404, `${kind.noun} ${p.id ?? ''} not found.`);
        scope.identities.store.delete(p.id ?? '');
        return { status: 204 };
      }),
    },
  ];
}
