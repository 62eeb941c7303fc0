import { z } from 'zod';
import { listAll } from '../../connection/paged-list';
import { asRestClient } from '../read-only';
import type { SmokeCase } from '../smoke-types';

const UC = '/api/2.1/unity-catalog';

/** The system schema states the SystemSchemas API documents (SystemSchemaInfoState in the SDKs). */
export const SYSTEM_SCHEMA_STATES = ['AVAILABLE', 'ENABLE_INITIALIZED', 'ENABLE_COMPLETED', 'DISABLE_INITIALIZED', 'UNAVAILABLE', 'MANAGED'];

export const METASTORE_CASES: readonly SmokeCase[] = [
  {
    id: 'metastore.storage-root',
    title: 'Metastore summary: storage root',
    expects: 'metastore_summary answers with storage_root set or absent (CREATE CATALOG then needs MANAGED LOCATION)',
    doc: 'https://docs.databricks.com/api/workspace/metastores/summary',
    run: async (ctx) => {
      const s = await ctx.rest.get(`${UC}/metastore_summary`, {}, z.object({ metastore_id: z.string(), storage_root: z.string().optional(), privilege_model_version: z.string().optional() }), 'Reading the metastore');
      // Only the scheme: the bucket name says nothing the report needs.
      const root = s.storage_root ? `set (${s.storage_root.split(':')[0]}://…)` : 'absent';
      return { status: 'pass', observed: { storageRoot: root, privilegeModelVersion: s.privilege_model_version ?? null } };
    },
  },
  {
    id: 'system-schemas.states',
    title: 'System schemas: states',
    expects: `every state one of ${SYSTEM_SCHEMA_STATES.join(', ')}; access and query listed`,
    doc: 'https://docs.databricks.com/api/workspace/systemschemas/list',
    run: async (ctx) => {
      const { metastore_id: id } = await ctx.rest.get(`${UC}/metastore_summary`, {}, z.object({ metastore_id: z.string() }), 'Reading the metastore');
      const schemas = await listAll(asRestClient(ctx.rest), { path: `${UC}/metastores/${encodeURIComponent(id)}/systemschemas`, itemsKey: 'schemas', item: z.object({ schema: z.string(), state: z.string() }), what: 'Listing system schemas' });
      const states = Object.fromEntries(schemas.map((s) => [s.schema, s.state]));
      const unknown = schemas.filter((s) => !SYSTEM_SCHEMA_STATES.includes(s.state)).map((s) => `${s.schema}=${s.state}`);
      const observed = { access: states.access ?? 'not listed', query: states.query ?? 'not listed', schemas: schemas.length };
      if (unknown.length) return { status: 'fail', observed: { ...observed, unknown }, reason: `Undocumented states: ${unknown.join(', ')}.` };
      return states.access && states.query ? { status: 'pass', observed } : { status: 'fail', observed, reason: 'access or query is not listed.' };
    },
  },
];
