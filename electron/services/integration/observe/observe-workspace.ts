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
import { observeStatement, volumeGrantsStatement, type ObserveScope } from './observe-query';

/**
 * Observes one workspace for the planner: one information_schema statement, plus SHOW GRANTS on the staging
 * volume when it exists. `target` is `main` (the integration catalog, governed catalogs, `system` when audit is
 * on) or an additional workspace's URL as written in the config (that workspace's catalogs only, seen through
 * its own session: catalogs bound to it may be invisible elsewhere, reference §2).
 */

const Cell = z.string().nullable().optional().transform((v) => v ?? null);
const ObserveRowSchema = z.object({ kind: z.string(), a: Cell, b: Cell, c: Cell, d: Cell });
type ObserveRow = z.output<typeof ObserveRowSchema>;

/** SHOW GRANTS headers are camelCase on the sandbox; Databricks does not document the capitalisation (reference §1.8). */
const ShowGrantsRowSchema = z
  .record(z.string(), z.unknown())
  .transform((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k.toLowerCase(), typeof v === 'string' ? v : null])))
  .pipe(z.object({ principal: z.string(), actiontype: z.string(), objecttype: z.string().nullable() }));

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
  }
  return o;
}

export async function observeWorkspace(session: SqlSession, config: IntegrationConfig, signal?: AbortSignal, target = 'main'): Promise<ObservedState> {
  const scope = observeScope(config, target);
  // A target the config does not name has nothing to observe (and `IN ()` is not SQL).
  if (scope.catalogs.length === 0) return { targets: { [target]: emptyTargetObservation() }, at: Date.now() };
  const rows = await session.execute(observeStatement(scope), signal ? { signal } : {});
  const observation = observationFromRows(rows.map((r) => ObserveRowSchema.parse(r)));
  const c = scope.integrationCatalog;
  const volume = c === null ? undefined : observation.volumes.find(([vc, vs, vn]) => vc === c && vs === STAGING_VOLUME.schema && vn === STAGING_VOLUME.name);
  if (c !== null && volume !== undefined) {
    const grants = (await session.execute(volumeGrantsStatement(c, scope.principal), signal ? { signal } : {})).map((r) => ShowGrantsRowSchema.parse(r));
    for (const g of grants) {
      // Rows for the catalog and schema are inherited; only VOLUME rows are granted on the volume itself.
      if (g.objecttype?.toUpperCase() === 'VOLUME' && g.principal.toLowerCase() === scope.principal.toLowerCase()) {
        addGrant(observation.grants, 'VOLUME', [...volume], g.actiontype);
      }
    }
  }
  return { targets: { [target]: observation }, at: Date.now() };
}
