import { z } from 'zod';
import type { Warehouse } from '../../../shared/contract/integration';
import { fail } from '../../../shared/result';
import type { Clock } from '../../ports';
import { listAll } from '../connection/paged-list';
import type { RestClient } from '../connection/types';

/** EndpointInfo as `GET /api/2.0/sql/warehouses[/{id}]` returns it (reference unity-catalog-scim-rest.md §4.11). */
const EndpointInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  state: z.string(),
  cluster_size: z.string().optional(),
  enable_serverless_compute: z.boolean().optional(),
  odbc_params: z.object({ path: z.string().optional() }).optional(),
  health: z.object({ status: z.string().optional(), message: z.string().optional() }).optional(),
});
type EndpointInfo = z.output<typeof EndpointInfoSchema>;

const BASE = '/api/2.0/sql/warehouses';

function toWarehouse(w: EndpointInfo): Warehouse {
  // odbc_params.path is the Thrift HTTP path; older payloads omit it, and the path is derivable from the id.
  const httpPath = w.odbc_params?.path ?? `/sql/1.0/warehouses/${w.id}`;
  return {
    id: w.id,
    name: w.name,
    state: w.state,
    httpPath,
    ...(w.cluster_size ? { clusterSize: w.cluster_size } : {}),
    ...(w.enable_serverless_compute !== undefined ? { serverless: w.enable_serverless_compute } : {}),
  };
}

export async function listWarehouses(rest: RestClient, signal?: AbortSignal): Promise<Warehouse[]> {
  const all = await listAll(rest, { path: BASE, itemsKey: 'warehouses', item: EndpointInfoSchema, pageSize: { param: 'page_size', value: 100 }, what: 'Listing SQL warehouses', ...(signal ? { signal } : {}) });
  return all.map(toWarehouse).sort((a, b) => a.name.localeCompare(b.name));
}

const pathOf = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

export async function getWarehouse(rest: RestClient, id: string, signal?: AbortSignal): Promise<Warehouse & { readonly failure?: string }> {
  const w = await rest.request({ method: 'GET', path: pathOf(id), schema: EndpointInfoSchema, what: 'Reading the SQL warehouse', ...(signal ? { signal } : {}) });
  return { ...toWarehouse(w), ...(w.health?.status === 'FAILED' ? { failure: w.health.message ?? 'the warehouse reports it failed' } : {}) };
}

export interface StartOptions {
  readonly clock: Clock;
  readonly signal: AbortSignal;
  /** Told each state seen while waiting. */
  readonly onState: (w: Warehouse) => void;
  readonly pollMs?: number;
  readonly timeoutMs?: number;
}

/** Start is asynchronous (§4.11): POST start, then poll until RUNNING; a deleted or failed warehouse stops the wait. */
export async function startWarehouse(rest: RestClient, id: string, o: StartOptions): Promise<Warehouse> {
  const first = await getWarehouse(rest, id, o.signal);
  o.onState(first);
  if (first.state === 'RUNNING') return first;
  await rest.request({ method: 'POST', path: `${pathOf(id)}/start`, body: {}, schema: z.unknown(), what: 'Starting the SQL warehouse', signal: o.signal });
  const deadline = o.clock.now() + (o.timeoutMs ?? 20 * 60_000);
  for (;;) {
    const w = await getWarehouse(rest, id, o.signal);
    o.onState(w);
    if (w.state === 'RUNNING') return w;
    if (w.state === 'DELETED' || w.state === 'DELETING') fail('NOT_FOUND', `The SQL warehouse "${w.name}" is being deleted.`, 'Pick another warehouse.');
    if (w.failure) fail('UNAVAILABLE', `The SQL warehouse "${w.name}" could not start: ${w.failure}.`, 'Check the warehouse in the Databricks SQL console, or pick another one.');
    if (o.clock.now() > deadline) fail('TIMEOUT', `The SQL warehouse "${w.name}" did not start in time (still ${w.state}).`, 'Try again, or start it in the Databricks SQL console.');
    await o.clock.sleep(o.pollMs ?? 1000, o.signal);
  }
}
