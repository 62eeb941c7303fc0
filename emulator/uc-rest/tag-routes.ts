import { z } from 'zod';
import type { RestRequest, RestRoute } from '../contracts';
import { ucErrors } from '../catalog/errors';
import { tagKeyOf, type SecurableRef } from '../catalog/model';
import type { OpContext } from '../catalog/ops/context';
import { setTags, tagTargetOf, unsetTags } from '../catalog/ops/tags';
import type { UnityCatalog } from '../catalog/unity-catalog';
import { requireVisible } from './access';
import { json, route } from './http';
import { pageBody, paginate } from './pagination';

const BASE = '/api/2.1/unity-catalog/entity-tag-assignments';

const Assignment = z.object({ entity_type: z.string().min(1), entity_name: z.string().min(1), tag_key: z.string().min(1), tag_value: z.string().optional() }).passthrough();

/** `catalogs | schemas | tables | columns | volumes` + full name (columns: `c.s.t.col`), reference §4.9. */
function entityOf(uc: UnityCatalog, type: string, name: string): { ref: SecurableRef; column: string | undefined } {
  const r = uc.resolve;
  switch (type) {
    case 'catalogs':
      return { ref: r.catalog(name), column: undefined };
    case 'schemas': {
      const [c, s] = r.parts(name, 2);
      return { ref: r.schema(c!, s!), column: undefined };
    }
    case 'tables': {
      const [c, s, t] = r.parts(name, 3);
      return { ref: r.table(c!, s!, t!), column: undefined };
    }
    case 'columns': {
      const [c, s, t, col] = r.parts(name, 4);
      return { ref: r.table(c!, s!, t!), column: col };
    }
    case 'volumes': {
      const [c, s, v] = r.parts(name, 3);
      return { ref: r.volume(c!, s!, v!), column: undefined };
    }
    default:
      throw ucErrors.invalidParameter(`entity_type must be one of catalogs, schemas, tables, columns, volumes; got '${type}'.`);
  }
}

const shape = (type: string, name: string, key: string, value: string) => ({ entity_type: type, entity_name: name, tag_key: key, tag_value: value });

function tagsOf(ctx: OpContext, type: string, name: string) {
  const { ref, column } = entityOf(ctx.uc, type, name);
  requireVisible(ctx, ref, true);
  return { ref, column, tags: ctx.uc.acl.tagsOf(tagKeyOf(tagTargetOf(ref, column))) };
}

/** The body, bare or wrapped in `tag_assignment` (clients send both). */
const assignmentBody = (req: RestRequest) => Assignment.parse((req.body as { tag_assignment?: unknown } | undefined)?.tag_assignment ?? req.body ?? {});

/** Entity tag assignments (reference §4.9): the REST twin of SET TAG ON / UNSET TAG ON. */
export function tagRoutes(uc: UnityCatalog): RestRoute[] {
  return [
    route(uc, 'POST', BASE, 'createEntityTagAssignment', (req, ctx) => {
      const b = assignmentBody(req);
      const { ref, column } = entityOf(uc, b.entity_type, b.entity_name);
      setTags(ctx, ref, column, [[b.tag_key, b.tag_value ?? '']], true);
      return json(shape(b.entity_type, b.entity_name, b.tag_key, b.tag_value ?? ''));
    }),
    route(uc, 'GET', `${BASE}/:type/:name/tags`, 'listEntityTagAssignments', (req, ctx) => {
      const { type, name } = req.params as { type: string; name: string };
      const list = [...tagsOf(ctx, type, name).tags].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => shape(type, name, k, v));
      return json(pageBody('tag_assignments', paginate(list, req.query, { fault: uc.paging(), serverPageSize: 1000, unpaginatedByDefault: true }, `tags:${type}:${name}`)));
    }),
    route(uc, 'GET', `${BASE}/:type/:name/tags/:key`, 'getEntityTagAssignment', (req, ctx) => {
      const { type, name, key } = req.params as { type: string; name: string; key: string };
      const value = tagsOf(ctx, type, name).tags.get(key);
      if (value === undefined) throw ucErrors.notFound(`Tag assignment '${key}' does not exist on ${type} '${name}'.`);
      return json(shape(type, name, key, value));
    }),
    route(uc, 'PATCH', `${BASE}/:type/:name/tags/:key`, 'updateEntityTagAssignment', (req, ctx) => {
      const { type, name, key } = req.params as { type: string; name: string; key: string };
      const body = z.object({ tag_value: z.string().optional() }).passthrough().parse((req.body as { tag_assignment?: unknown } | undefined)?.tag_assignment ?? req.body ?? {});
      const { ref, column, tags } = tagsOf(ctx, type, name);
      if (!tags.has(key)) throw ucErrors.notFound(`Tag assignment '${key}' does not exist on ${type} '${name}'.`);
      setTags(ctx, ref, column, [[key, body.tag_value ?? '']]);
      return json(shape(type, name, key, body.tag_value ?? ''));
    }),
    route(uc, 'DELETE', `${BASE}/:type/:name/tags/:key`, 'deleteEntityTagAssignment', (req, ctx) => {
      const { type, name, key } = req.params as { type: string; name: string; key: string };
      const { ref, column } = entityOf(uc, type, name);
      unsetTags(ctx, ref, column, [key], true);
      return json({});
    }),
  ];
}
