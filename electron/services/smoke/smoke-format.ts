import type { SmokeReport } from './smoke-types';

const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));

/** One line per observed value, short: `{a: 1, b: [x, y]}` → `a=1 b=x,y`. */
function brief(observed: Readonly<Record<string, unknown>>): string {
  const part = (v: unknown): string => {
    if (Array.isArray(v)) return v.length ? v.map(part).join(',') : '-';
    if (typeof v === 'object' && v !== null) return Object.keys(v).length ? Object.entries(v).map(([k, x]) => `${k}:${part(x)}`).join(',') : '-';
    return String(v);
  };
  return Object.entries(observed).map(([k, v]) => `${k}=${part(v)}`).join(' ');
}

/** The table `ucbridge smoke` prints: status, case, what was seen (or why not), then the totals. */
export function formatSmokeTable(r: SmokeReport): string {
  const width = Math.max(...r.cases.map((c) => c.id.length), 4);
  const lines = [
    `ucbridge smoke — ${r.workspace.host} (${r.identity.kind}${r.identity.workspaceAdmin ? ', workspace admin' : ''}${r.identity.metastoreAdmin ? ', metastore admin' : ''}; warehouse: ${r.warehouse})`,
    '',
    `${pad('STATUS', 6)}  ${pad('CASE', width)}  OBSERVED`,
  ];
  for (const c of r.cases) {
    const detail = [brief(c.observed), c.reason ? `— ${c.reason}` : ''].filter(Boolean).join(' ');
    lines.push(`${pad(c.status.toUpperCase(), 6)}  ${pad(c.id, width)}  ${detail.length > 160 ? `${detail.slice(0, 159)}…` : detail}`);
  }
  const s = r.summary;
  lines.push('', `${s.pass} passed, ${s.fail} failed, ${s.skip} skipped, ${s.error} could not run. Nothing was written to the workspace.`);
  return lines.join('\n');
}
