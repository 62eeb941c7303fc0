import { policyDefinitionsStatement, policyRow, showPoliciesStatement } from '../../../../shared/metadata/policy-rows';
import type { BlindSpot } from '../../../../shared/metadata/snapshot';
import { AppFailure } from '../../../../shared/result';
import type { SqlSession } from '../../connection/types';
import type { SnapshotWriter } from '../index/snapshot-writer';
import { streamStatement } from './stream-statement';

const refusal = (e: unknown, signal: AbortSignal): string => {
  if (!(e instanceof AppFailure) || e.error.code !== 'SQL_ERROR' || signal.aborted) throw e;
  return e.error.message.split('\n')[0]!.slice(0, 300);
};

/**
 * ABAC policies (shared/metadata/policy-rows.ts): the metastore's in one statement, or, where that view is missing,
 * each catalog's own with SHOW POLICIES (schema- and table-level ones then stay unknown: a blind spot). A warehouse
 * without ABAC refuses both: one blind spot, and nothing more is sent.
 */
export async function readPolicies(session: SqlSession, catalogs: readonly string[], writer: SnapshotWriter, signal: AbortSignal): Promise<{ statements: number; blindSpots: BlindSpot[] }> {
  try {
    await streamStatement(session, policyDefinitionsStatement(), signal, (rows) => writer.appendRows(null, rows));
    return { statements: 1, blindSpots: [] };
  } catch (e) {
    const first = refusal(e, signal);
    let statements = 1;
    for (const catalog of catalogs) {
      statements++;
      try {
        for (const raw of await session.execute(showPoliciesStatement(catalog), { signal })) {
          const p = policyRow(raw);
          if (p) writer.append('policies', [p.catalog, p.schema, p.table, p.name, p.policyType, p.table ? 'TABLE' : p.schema ? 'SCHEMA' : 'CATALOG', null, null]);
        }
      } catch (again) {
        const reason = refusal(again, signal);
        return { statements, blindSpots: [{ code: 'policies-unavailable', catalog: null, message: `ABAC policies could not be listed: ${reason}` }] };
      }
    }
    return { statements, blindSpots: [{ code: 'policies-unavailable', catalog: null, message: `Only catalog-level ABAC policies could be listed (SHOW POLICIES); schema- and table-level ones are not known: ${first}` }] };
  }
}
