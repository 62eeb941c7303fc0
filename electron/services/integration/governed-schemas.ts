import { z } from 'zod';
import { INFORMATION_SCHEMA, type IntegrationConfig } from '../../../shared/integration/config';
import { AppFailure } from '../../../shared/result';
import { listAll } from '../connection/paged-list';
import type { RestClient } from '../connection/types';

/**
 * The schema lists of governed catalogs (config.governedSchemas), read from the workspace: with `manageScope:
 * "schema"` the service principal gets MANAGE on each schema rather than on the catalog (shared/integration/sp-grants.ts). The app fills them when
 * settings are saved and before it plans; the CLI before it validates, plans or applies.
 */

/**
 * Every schema of `catalog` but information_schema, sorted; undefined when the catalog does not exist or the
 * installer may not list it (403: without USE CATALOG they could not grant there either, which validation reports).
 */
export async function schemaNames(rest: RestClient, catalog: string, signal?: AbortSignal): Promise<string[] | undefined> {
  let names: string[];
  try {
    const schemas = await listAll(rest, {
      path: '/api/2.1/unity-catalog/schemas',
      query: { catalog_name: catalog },
      itemsKey: 'schemas',
      item: z.object({ name: z.string() }),
      what: `Listing the schemas of ${catalog}`,
      ...(signal ? { signal } : {}),
    });
    names = schemas.map((s) => s.name.toLowerCase());
  } catch (e) {
    if (e instanceof AppFailure && (e.error.code === 'NOT_FOUND' || e.error.code === 'FORBIDDEN')) return undefined;
    throw e;
  }
  return [...new Set(names)].filter((n) => n !== INFORMATION_SCHEMA).sort();
}

/**
 * The config with schema lists from the workspace: `missing` fills only catalogs without a list (a list written
 * in a config file is the user's choice); `refresh` replaces every list with what is there now. A catalog that
 * does not exist or is not visible from here keeps what it had (validation fails a missing one; the next fill
 * tries again).
 */
export async function withGovernedSchemas(config: IntegrationConfig, rest: RestClient, mode: 'missing' | 'refresh', signal?: AbortSignal): Promise<IntegrationConfig> {
  // MANAGE on the catalog covers every schema: no list is read or needed.
  if (config.manageScope !== 'schema') return config;
  const governed = [...new Set([...config.governedCatalogs, ...config.additionalWorkspaceConnections.flatMap((w) => w.catalogs)])];
  const lists: Record<string, string[]> = { ...config.governedSchemas };
  for (const catalog of governed) {
    if (mode === 'missing' && lists[catalog] !== undefined) continue;
    const names = await schemaNames(rest, catalog, signal);
    if (names !== undefined) lists[catalog] = names;
  }
  return { ...config, governedSchemas: lists };
}
