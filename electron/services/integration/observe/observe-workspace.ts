import { z } from 'zod';
import type { IntegrationConfig } from '../../../../shared/integration/config';
import { STAGING_VOLUME, SYSTEM_CATALOG } from '../../../../shared/integration/integration-objects';
import {
  emptyTargetObservation,
  normalizePrivilege,
  type ObservedGrant,
  type ObservedState,
  type SecurableType,
  type TargetObservation,
} from '../../../../shared/integration/observed-state';
import type { SqlSession } from '../../connection/types';
import { grantsByShow, type ShowTarget } from './grants-by-show';
import { observeStatement, type ObserveScope } from './observe-query';
import { viewsShowAll, type GrantViewer } from './viewer';

/**
 * Observes one workspace for the planner: one information_schema statement, then SHOW GRANTS on the securables of
 * each catalog whose grants the views do not show the reader in full (it neither owns the catalog nor is a
 * metastore admin: viewer.ts). `target` is `main` (the integration catalog, governed catalogs, `system` when audit
 * is on) or an additional workspace's URL as written in the config (that workspace's catalogs only, seen through
 * its own session: catalogs bound to it may be invisible elsewhere, reference §2).
 */

const Cell = z.string().nullable().optional().transform((v) => v ?? null);
const ObserveRowSchema = z.object({ kind: z.string(), a: Cell, b: Cell, c: Cell, d: Cell });
type ObserveRow = z.output<typeof ObserveRowSchema>;

export function observeScope(config: IntegrationConfig, target: string): ObserveScope {
  const principal = config.servicePrincipal.applicationId;
  // Schema grants in governed catalogs matter only when MANAGE goes per schema.
  const perSchema = config.manageScope === 'schema';
  if (target === 'main') {
    const catalogs = [config.catalog, ...config.governedCatalogs, ...(config.audit.enabled ? [SYSTEM_CATALOG] : [])];
    return { catalogs: [...new Set(catalogs)], governedCatalogs: perSchema ? [...new Set(config.governedCatalogs)] : [], integrationCatalog: config.catalog, audit: config.audit.enabled, principal };
  }
  const catalogs = [...new Set(config.additionalWorkspaceConnections.filter((w) => w.workspaceUrl === target).flatMap((w) => w.catalogs))];
  return { catalogs, governedCatalogs: perSchema ? catalogs : [], integrationCatalog: null, audit: false, principal };
}

function addGrant(grants: ObservedGrant[], securable: SecurableType, name: string[], privilege: string): void {
  const key = JSON.stringify(name);
  const found = grants.find((g) => g.securable === securable && JSON.stringify(g.name) === key);
  if (found) found.privileges.push(normalizePrivilege(privilege));
  else grants.push({ securable, name, privileges: [normalizePrivilege(privilege)] });
}

export function observationFromRows(rows: readonly ObserveRow[]): TargetObservation {
  const o = emptyTargetObservation();
  const tags = new Map(rows.filter((r) => r.kind === 'tag' && r.a !== null).map((r) => [r.a!, r.b]));
  for (const { kind, a, b, c, d } of rows) {
    if (a === null) continue;
    if (kind === 'catalog') o.catalogs.push({ name: a, owner: b, integrationTag: tags.get(a) ?? null });
    else if (kind === 'schema' && b !== null) o.schemas.push([a, b]);
    else if (kind === 'table' && b !== null && c !== null) o.tables.push([a, b, c]);
    else if (kind === 'volume' && b !== null && c !== null) o.volumes.push([a, b, c]);
    else if (kind === 'catalog_privilege' && d !== null) addGrant(o.grants, 'CATALOG', [a], d);
    else if (kind === 'schema_privilege' && b !== null && d !== null) addGrant(o.grants, 'SCHEMA', [a, b], d);
    else if (kind === 'table_privilege' && b !== null && c !== null && d !== null) addGrant(o.grants, 'TABLE', [a, b, c], d);
    else if (kind === 'volume_privilege' && b !== null && c !== null && d !== null) addGrant(o.grants, 'VOLUME', [a, b, c], d);
  }
  return o;
}

/** The securables in `catalogs` the plan grants on, for SHOW GRANTS: catalogs, then schemas, tables and volumes. */
function showTargets(scope: ObserveScope, o: TargetObservation, rows: readonly ObserveRow[], catalogs: ReadonlySet<string>): ShowTarget[] {
  const governed = rows.filter((r) => r.kind === 'governed_schema' && r.a !== null && r.b !== null).map((r): [string, string] => [r.a!, r.b!]);
  const staging = o.volumes.filter(([, s, v]) => s === STAGING_VOLUME.schema && v === STAGING_VOLUME.name);
  const inCatalogs = <T extends readonly string[]>(names: readonly T[]) => names.filter((n) => catalogs.has(n[0]!));
  const unique = (names: readonly (readonly string[])[]) => [...new Map(names.map((n) => [JSON.stringify(n), n])).values()];
  return [
    ...o.catalogs.filter((c) => catalogs.has(c.name) && scope.catalogs.includes(c.name)).map((c): ShowTarget => ({ on: 'CATALOG', name: [c.name] })),
    ...unique(inCatalogs([...governed, ...o.schemas])).map((name): ShowTarget => ({ on: 'SCHEMA', name })),
    ...inCatalogs(o.tables).map((name): ShowTarget => ({ on: 'TABLE', name })),
    ...inCatalogs(staging).map((name): ShowTarget => ({ on: 'VOLUME', name })),
  ];
}

export async function observeWorkspace(session: SqlSession, config: IntegrationConfig, viewer: GrantViewer, signal?: AbortSignal, target = 'main'): Promise<ObservedState> {
  const scope = observeScope(config, target);
  // A target the config does not name has nothing to observe (and `IN ()` is not SQL).
  if (scope.catalogs.length === 0) return { targets: { [target]: emptyTargetObservation() }, at: Date.now() };
  const rows = (await session.execute(observeStatement(scope), signal ? { signal } : {})).map((r) => ObserveRowSchema.parse(r));
  const observation = observationFromRows(rows);
  // Catalogs whose privilege rows show the reader only its own grants: their grants come from SHOW GRANTS instead.
  const hidden = new Set(observation.catalogs.filter((c) => !viewsShowAll(viewer, c.owner)).map((c) => c.name));
  if (hidden.size > 0) {
    observation.grants = observation.grants.filter((g) => !hidden.has(g.name[0]!));
    observation.grants.push(...(await grantsByShow(session, scope.principal, showTargets(scope, observation, rows, hidden), signal)));
  }
  return { targets: { [target]: observation }, at: Date.now() };
}
