import type { DuckDBConnection } from '@duckdb/node-api';
import type { RegistryChanges } from '../../../../shared/metadata/registration-plan';
import { readRegistrySql, type RegistryRow } from '../../../../shared/metadata/registry-sql';
import { AppFailure } from '../../../../shared/result';
import type { SqlSession } from '../../connection/types';
import { appendCells } from '../index/row-router';
import type { MetadataIndex } from '../index/metadata-index';

const DESIRED = `SELECT kind AS object_type, concat_ws('.', catalog, schema, name) AS full_name, active, fingerprint FROM selection`;

const row = (r: Record<string, unknown>, p = ''): RegistryRow => ({
  fullName: String(r[`${p}full_name`]),
  objectType: String(r[`${p}object_type`]),
  active: r[`${p}active`] === true,
  fingerprint: r[`${p}fingerprint`] === null || r[`${p}fingerprint`] === undefined ? null : String(r[`${p}fingerprint`]),
});

/**
 * What the registry holds (read from the workspace, streamed into the index) against what the selection wants:
 * inserts, updates and deletes, compared by full name in SQL so a hundred thousand rows never sit in memory twice.
 */
export async function registryChanges(index: MetadataIndex, session: SqlSession, catalog: string, signal: AbortSignal): Promise<RegistryChanges> {
  return index.exclusive(async (connect) => {
    const c: DuckDBConnection = await connect();
    await c.run('CREATE OR REPLACE TABLE registry_observed (full_name VARCHAR, object_type VARCHAR, active BOOLEAN, fingerprint VARCHAR)');
    const a = await c.createAppender('registry_observed');
    try {
      for await (const batch of session.stream(readRegistrySql(catalog), { signal })) {
        for (const r of batch) appendCells(a, ['v', 'v', 'b', 'v'], [String(r.full_name ?? ''), String(r.object_type ?? ''), r.active === true, typeof r.fingerprint === 'string' ? r.fingerprint : null]);
      }
    } catch (e) {
      if (e instanceof AppFailure && /TABLE_OR_VIEW_NOT_FOUND|SCHEMA_NOT_FOUND|CATALOG_NOT_FOUND|NO_SUCH_CATALOG/.test(e.error.message)) {
        throw new AppFailure({ code: 'BAD_REQUEST', message: `The registry table ${catalog}.registry.registered_objects does not exist yet.`, hint: 'Set up the integration (Configure integration), then register.' });
      }
      throw e;
    } finally {
      a.flushSync();
      a.closeSync();
    }
    const read = async (sql: string) => (await c.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
    const inserts = await read(`SELECT d.* FROM (${DESIRED}) d WHERE NOT EXISTS (SELECT 1 FROM registry_observed o WHERE o.full_name = d.full_name) ORDER BY d.full_name`);
    const updates = await read(`SELECT d.*, o.object_type AS o_object_type, o.active AS o_active, o.fingerprint AS o_fingerprint, o.full_name AS o_full_name
      FROM (${DESIRED}) d JOIN (SELECT DISTINCT * FROM registry_observed) o ON o.full_name = d.full_name
      WHERE d.object_type IS DISTINCT FROM o.object_type OR d.active IS DISTINCT FROM o.active OR d.fingerprint IS DISTINCT FROM o.fingerprint ORDER BY d.full_name`);
    const deletes = await read(`SELECT DISTINCT o.* FROM registry_observed o WHERE NOT EXISTS (SELECT 1 FROM (${DESIRED}) d WHERE d.full_name = o.full_name) ORDER BY o.full_name`);
    await c.run('DROP TABLE registry_observed');
    return { inserts: inserts.map((r) => row(r)), updates: updates.map((r) => ({ next: row(r), previous: row(r, 'o_') })), deletes: deletes.map((r) => row(r)) };
  });
}
