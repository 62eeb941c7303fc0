import { compilePolicies } from '../../../shared/policies/compile';
import { tableKey, type Parts3 } from '../../../shared/policies/observation';
import type { PolicySet } from '../../../shared/policies/policy-model';
import { previewSql, type PreviewCheck } from '../../../shared/policies/preview-sql';
import type { PolicyPreview } from '../../../shared/contract/policies';
import { AppFailure } from '../../../shared/result';
import { joinDottedName } from '../../../shared/policies/dotted-name';
import { observePolicies, observeTables } from './observe-policies';
import { principalGroups } from './principal-groups';
import type { PolicyRun } from './policy-runner';
import { loadRecord } from './record-store';

/** Driver values as JSON: numbers and strings as they are, big integers, dates and bytes as text, null as null. */
export function jsonCell(v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));
}

/** The checks the installer failed, said plainly: what of the principal's view the installer cannot compute. */
function checkNotes(checks: readonly PreviewCheck[], row: Readonly<Record<string, unknown>>, principal: string): string[] {
  return checks.flatMap((c, i) => {
    if (row[`check_${i}`] === true) return [];
    return c.kind === 'column'
      ? [`${principal} sees ${c.column} in clear, but the mask applies to you: its values show as NULL here. Preview as someone exempt from the policies to see them.`]
      : [`The row filter applies to you too: the preview only counts and shows the rows you can see yourself. Preview as someone exempt from the filter for the whole table.`];
  });
}

/**
 * The first rows of a table as `principal` would see them under these policies, beside what the installer sees.
 * Uses the deployed core functions where the plan leaves them unchanged, else the plan's expressions inline.
 */
export async function previewAs(run: PolicyRun, set: PolicySet, principal: string, table: Parts3, limit: number): Promise<PolicyPreview> {
  const { config, connection } = run;
  const record = await loadRecord(connection.rest, run.kv, config.catalog, run.signal);
  const groups = await principalGroups(connection.rest, principal, run.signal);
  const session = await connection.sql(config.httpPath);
  try {
    const obs = await observePolicies(session, set, config.catalog, record);
    // The previewed table may be one no policy names: read it too.
    const t = obs.tables.get(tableKey(table)) ?? (await observeTables(session, [table])).get(tableKey(table));
    if (!t) throw new AppFailure({ code: 'NOT_FOUND', message: `Table ${joinDottedName(table)} was not found (or you cannot see it).` });
    const compiled = compilePolicies(set, config.catalog, obs, record);
    const unchanged = new Set(compiled.plan.steps.filter((s) => s.action === 'unchanged').map((s) => s.id));
    const q = previewSql(compiled, config.catalog, t, principal, groups, limit, { deployed: (fn) => unchanged.has(`fn:${fn[2]}`), enforced: (id) => unchanged.has(id) });
    const notes = q.checksSql === null ? [] : checkNotes(q.checks, (await session.execute(q.checksSql))[0] ?? {}, principal);
    const installer = await session.execute(q.installerSql);
    const rows = await session.execute(q.principalSql);
    const count = (await session.execute(q.countSql))[0] ?? {};
    const total = Number(count.total ?? 0);
    const visible = Number(count.visible ?? 0);
    const toRow = (r: Readonly<Record<string, unknown>>) => q.columns.map((c) => jsonCell(r[c]));
    return {
      table: joinDottedName(t.name),
      principal,
      groups,
      columns: [...q.columns],
      maskedColumns: [...q.maskedColumns],
      rows: rows.map(toRow),
      installerRows: installer.map(toRow),
      hiddenRows: total - visible,
      totalRows: total,
      policies: [...q.policies],
      notes,
      source: unchanged.size > 0 && compiled.plan.steps.every((s) => s.action === 'unchanged' || !s.id.startsWith('fn:')) ? 'deployed' : 'plan',
    };
  } finally {
    await session.close();
  }
}
