import type { RestRequest, RestRoute } from '../contracts';
import { ucErrors } from '../catalog/errors';
import type { OpContext } from '../catalog/ops/context';
import type { UnityCatalog } from '../catalog/unity-catalog';
import { duckString } from '../sql/duck';
import { visibility } from './access';
import { json, route } from './http';

/** Parameters arrive in the query string or as a JSON body on the GET (public clients do both, reference §4.13). */
function param(req: RestRequest, name: string): string | undefined {
  return req.query.get(name) ?? ((req.body as Record<string, unknown> | undefined)?.[name] as string | undefined) ?? undefined;
}

interface Edge {
  readonly catalog: string;
  readonly schema: string;
  readonly table: string;
  readonly type: string;
  readonly at: Date;
  readonly statementId: string;
}

async function neighbours(uc: UnityCatalog, fullName: string, direction: 'up' | 'down'): Promise<Edge[]> {
  await uc.sync();
  const [mine, other] = direction === 'up' ? ['target', 'source'] : ['source', 'target'];
  const sql = `SELECT ${other}_table_catalog AS c, ${other}_table_schema AS s, ${other}_table_name AS t, ${other}_type AS ty,
      max(event_time) AS at, arg_max(statement_id, event_time) AS st
    FROM sys.table_lineage WHERE ${mine}_table_full_name = ${duckString(fullName)} AND ${other}_table_full_name IS NOT NULL
    GROUP BY ALL ORDER BY 1, 2, 3`;
  const c = await uc.duck.acquire();
  try {
    const rows = (await c.runAndReadAll(sql)).getRowsJS();
    return rows.map(([cat, sch, tab, ty, at, st]) => ({ catalog: String(cat), schema: String(sch), table: String(tab), type: String(ty), at: at as Date, statementId: String(st) }));
  } finally {
    uc.duck.release(c);
  }
}

/** Lineage-tracking table lineage (reference §4.13): immediate neighbours the caller may see. */
export function lineageRoutes(uc: UnityCatalog): RestRoute[] {
  const visible = (ctx: OpContext, e: Edge) => {
    const ref = uc.resolve.findTable(e.catalog, e.schema, e.table);
    return ref !== undefined && visibility(ctx, ref) !== 'none';
  };
  const entry = (e: Edge, withEntities: boolean) => ({
    tableInfo: { name: e.table, catalog_name: e.catalog, schema_name: e.schema, table_type: e.type, lineage_timestamp: e.at.toISOString() },
    ...(withEntities ? { queryInfos: [{ workspace_id: Number(uc.sandbox.workspaceId), query_id: e.statementId, lineage_timestamp: e.at.toISOString() }] } : {}),
  });
  return [
    route(uc, 'GET', '/api/2.0/lineage-tracking/table-lineage', 'getTableLineage', async (req, ctx) => {
      const name = param(req, 'table_name');
      if (!name) throw ucErrors.invalidParameter('Missing required field: table_name');
      const [c, s, t] = uc.resolve.parts(name, 3);
      const ref = uc.resolve.table(c!, s!, t!);
      if (visibility(ctx, ref) === 'none') throw ucErrors.insufficientPermissions(`User does not have permission to access Table '${name}'.`);
      const full = `${ref.catalog.name}.${ref.schema.name}.${ref.table.name}`;
      const withEntities = String(param(req, 'include_entity_lineage')) === 'true';
      const [up, down] = await Promise.all([neighbours(uc, full, 'up'), neighbours(uc, full, 'down')]);
      return json({
        upstreams: up.filter((e) => visible(ctx, e)).map((e) => entry(e, withEntities)),
        downstreams: down.filter((e) => visible(ctx, e)).map((e) => entry(e, withEntities)),
      });
    }),
  ];
}
