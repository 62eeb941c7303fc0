import { z } from 'zod';
import { PARTNER_USER_AGENT } from '../../../shared/product';
import { AppFailure } from '../../../shared/result';
import type { WorkspaceConnection } from '../connection/types';
import { listWarehouses } from '../integration/warehouses';
import { SMOKE_CASES } from './cases';
import { readOnlyRest, readOnlySql } from './read-only';
import type { CaseResult, CaseStatus, SmokeCase, SmokeContext, SmokeReport } from './smoke-types';

export interface SmokeOptions {
  readonly connection: Pick<WorkspaceConnection, 'workspace' | 'identity' | 'rest' | 'sql'>;
  /** A SQL warehouse id; else the first RUNNING one (the check never starts a warehouse: that would be a write). */
  readonly warehouseId?: string;
  readonly signal: AbortSignal;
  readonly now: () => number;
  readonly cases?: readonly SmokeCase[];
  /** Told each result as it comes. */
  readonly onResult?: (r: CaseResult) => void;
}

/** A failure message without anything that could be a secret: the app's own message, first line, clipped. */
const safeMessage = (e: unknown): string => (e instanceof AppFailure ? e.error.message : e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 300);

async function pickWarehouse(o: SmokeOptions): Promise<{ id: string | undefined; how: SmokeReport['warehouse'] }> {
  if (o.warehouseId) return { id: o.warehouseId, how: 'given' };
  const running = (await listWarehouses(o.connection.rest, o.signal)).find((w) => w.state === 'RUNNING');
  return running ? { id: running.id, how: 'found running' } : { id: undefined, how: 'none' };
}

/** Runs every case in turn on one SQL session; a case that throws is an `error` result, and the rest still run. */
export async function runSmoke(o: SmokeOptions): Promise<SmokeReport> {
  const { connection: c, signal } = o;
  const warehouse = await pickWarehouse(o);
  const session = warehouse.id ? await c.sql(`/sql/1.0/warehouses/${warehouse.id}`) : undefined;
  const names = [c.identity.userName, ...c.identity.groups].map((n) => n.toLowerCase());
  const metastoreOwner = await c.rest
    .request({ method: 'GET', path: '/api/2.1/unity-catalog/metastore_summary', schema: z.object({ owner: z.string().optional() }), signal, what: 'Reading the metastore' })
    .then((s) => (s.owner === undefined ? null : names.includes(s.owner.toLowerCase())), () => null);
  const ctx: SmokeContext = {
    workspace: c.workspace,
    identity: c.identity,
    rest: readOnlyRest(c.rest, signal),
    sql: session ? readOnlySql(session, signal) : undefined,
    warehouseId: warehouse.id,
    signal,
  };
  const results: CaseResult[] = [];
  try {
    for (const k of o.cases ?? SMOKE_CASES) {
      const started = o.now();
      let outcome: Pick<CaseResult, 'status' | 'observed' | 'reason'>;
      try {
        outcome = await k.run(ctx);
      } catch (e) {
        if (signal.aborted) throw e;
        outcome = { status: 'error', observed: {}, reason: safeMessage(e) };
      }
      const r: CaseResult = { id: k.id, title: k.title, expects: k.expects, doc: k.doc, ...outcome, ms: o.now() - started };
      results.push(r);
      o.onResult?.(r);
    }
  } finally {
    await session?.close();
  }
  const summary: Record<CaseStatus, number> = { pass: 0, fail: 0, skip: 0, error: 0 };
  for (const r of results) summary[r.status]++;
  return {
    tool: PARTNER_USER_AGENT,
    at: new Date(o.now()).toISOString(),
    workspace: { host: c.workspace.host, kind: c.workspace.kind },
    identity: { kind: c.identity.kind, workspaceAdmin: c.identity.admin, metastoreAdmin: metastoreOwner },
    warehouse: warehouse.how,
    summary,
    cases: results,
  };
}
