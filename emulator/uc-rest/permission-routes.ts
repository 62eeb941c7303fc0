import { z } from 'zod';
import type { RestRoute } from '../contracts';
import { describeSecurable, fullNameOf } from '../catalog/authz';
import { ucErrors } from '../catalog/errors';
import type { SecurableRef } from '../catalog/model';
import type { OpContext } from '../catalog/ops/context';
import { securableKeyOf, updateGrants } from '../catalog/ops/grants';
import type { UnityCatalog } from '../catalog/unity-catalog';
import { bodyOf, json, route } from './http';
import { pageBody, paginate } from './pagination';
import { securableFromPath } from './securable-path';

const BASE = '/api/2.1/unity-catalog';

const Changes = z.object({
  changes: z.array(z.object({ principal: z.string().min(1), add: z.array(z.string()).optional(), remove: z.array(z.string()).optional() })),
  omit_permissions_in_response: z.boolean().optional(),
});

/** Admins, owners and MANAGE holders read every assignment; anyone else only their own (and their groups'). */
function canReadAll(ctx: OpContext, ref: SecurableRef): boolean {
  return ctx.subject.metastoreAdmin || ctx.subject.workspaceAdmin || ctx.uc.authz.canManage(ctx.subject, ref);
}

function assignments(ctx: OpContext, ref: SecurableRef, principal: string | null) {
  const all = canReadAll(ctx, ref);
  if (principal !== null && !all && !ctx.subject.names.has(principal.toLowerCase())) {
    throw ucErrors.insufficientPermissions(`User does not have MANAGE on ${describeSecurable(ref)}.`);
  }
  return ctx.uc.acl
    .grantsOn(securableKeyOf(ctx, ref))
    .filter((g) => (principal === null ? all || ctx.subject.names.has(g.principal.toLowerCase()) : g.principal.toLowerCase() === principal.toLowerCase()))
    .toSorted((a, b) => a.principal.localeCompare(b.principal))
    .map((g) => ({ principal: g.principal, privileges: [...g.privileges.keys()].sort() }));
}

/** Page rules of the permissions APIs: 1..149 is refused; 0 or absent is the server maximum (reference §0.5). */
const PERMISSION_PAGES = { serverPageSize: 1000, minPageSize: 150, maxPageSize: 1000 } as const;

/** Permissions GET/PATCH and effective permissions (reference §4.7). */
export function permissionRoutes(uc: UnityCatalog): RestRoute[] {
  return [
    route(uc, 'GET', `${BASE}/permissions/:type/:full_name`, 'getPermissions', (req, ctx) => {
      const ref = securableFromPath(uc, req.params.type!, req.params.full_name!);
      const list = assignments(ctx, ref, req.query.get('principal'));
      return json(pageBody('privilege_assignments', paginate(list, req.query, { ...PERMISSION_PAGES, fault: uc.paging() }, `grants:${fullNameOf(ref)}`)));
    }),
    route(uc, 'PATCH', `${BASE}/permissions/:type/:full_name`, 'updatePermissions', (req, ctx) => {
      const ref = securableFromPath(uc, req.params.type!, req.params.full_name!);
      const body = bodyOf(req, Changes);
      updateGrants(ctx, ref, body.changes);
      return json(body.omit_permissions_in_response ? {} : { privilege_assignments: assignments(ctx, ref, null) });
    }),
    route(uc, 'GET', `${BASE}/effective-permissions/:type/:full_name`, 'getEffectivePermissions', (req, ctx) => {
      const ref = securableFromPath(uc, req.params.type!, req.params.full_name!);
      const principal = req.query.get('principal');
      if (!canReadAll(ctx, ref) && (principal === null || !ctx.subject.names.has(principal.toLowerCase()))) {
        throw ucErrors.insufficientPermissions(`User does not have MANAGE on ${describeSecurable(ref)}.`);
      }
      const levels = ref.kind === 'METASTORE' ? [{ key: securableKeyOf(ctx, ref) }] : uc.authz.levels(ref);
      const names = levelNames(ref);
      // For one principal, grants to its groups count too: that is what makes them effective.
      const who = principal === null ? null : uc.identities.byName(principal);
      if (principal !== null && !who) throw ucErrors.principalNotFound(principal);
      const members = who ? uc.subject(who).names : null;
      const byPrincipal = new Map<string, { privilege: string; inherited_from_type?: string; inherited_from_name?: string }[]>();
      levels.forEach((level, i) => {
        for (const g of uc.acl.grantsOn(level.key)) {
          if (members && !members.has(g.principal.toLowerCase())) continue;
          const shownAs = who?.name ?? g.principal;
          const list = byPrincipal.get(shownAs) ?? [];
          for (const p of g.privileges.keys()) {
            list.push(i === 0 ? { privilege: p } : { privilege: p, inherited_from_type: names[i]!.type, inherited_from_name: names[i]!.name });
          }
          byPrincipal.set(shownAs, list);
        }
      });
      // Paged like the permissions API (GrantsAPI.get_effective takes max_results / page_token in the SDKs).
      const list = [...byPrincipal].map(([p, privileges]) => ({ principal: p, privileges }));
      return json(pageBody('privilege_assignments', paginate(list, req.query, { ...PERMISSION_PAGES, fault: uc.paging() }, `effective:${fullNameOf(ref)}:${principal ?? ''}`)));
    }),
  ];
}

function levelNames(ref: SecurableRef): { type: string; name: string }[] {
  if (ref.kind === 'METASTORE') return [{ type: 'METASTORE', name: 'metastore' }];
  const out = [{ type: ref.kind, name: fullNameOf(ref) }];
  if (ref.kind !== 'CATALOG' && ref.kind !== 'SCHEMA') out.push({ type: 'SCHEMA', name: `${ref.catalog.name}.${ref.schema.name}` });
  if (ref.kind !== 'CATALOG') out.push({ type: 'CATALOG', name: ref.catalog.name });
  return out;
}
