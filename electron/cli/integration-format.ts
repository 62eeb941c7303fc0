import type { ApplySummary } from '../../shared/contract/integration';
import type { Plan } from '../../shared/integration/plan-types';
import type { ValidationFix, ValidationReport } from '../../shared/integration/validation-types';
import { assertNever } from '../../shared/result';

/** `ucbridge validate --json`: `{"tests":[{"name","status","reason","fix"}]}` (fix as the structured fix, or null). */
export const validationJson = (r: ValidationReport): string =>
  JSON.stringify({ status: r.status, tests: r.tests.map((t) => ({ id: t.id, name: t.name, status: t.status, reason: t.reason, fix: t.fix })) });

function fixLines(fix: ValidationFix): string[] {
  switch (fix.kind) {
    case 'sql':
      return [`      fix (${fix.who}):`, ...fix.sql.split('\n').map((l) => `        ${l}`)];
    case 'steps':
      return ['      fix:', ...fix.steps.map((s) => `        - ${s}`)];
    case 'enable-system-schema':
      return [`      fix: enable the system schema ${fix.schema} (a metastore admin: in the app, or PUT /api/2.1/unity-catalog/metastores/<id>/systemschemas/${fix.schema})`];
    default:
      return assertNever(fix, 'fix');
  }
}

const MARK = { passed: 'PASS', failed: 'FAIL', warning: 'WARN', skipped: 'SKIP' } as const;

export function validationText(r: ValidationReport): string {
  const lines = r.tests.flatMap((t) => [`${MARK[t.status]}  ${t.name}`, `      ${t.reason}`, ...(t.fix && t.status !== 'passed' ? fixLines(t.fix) : [])]);
  return [...lines, '', `Validation ${r.status}.`].join('\n');
}

/** `ucbridge plan --json`: `{"steps":[{"id","action","sql","purpose"}]}`. */
export const planJson = (p: Plan): string =>
  JSON.stringify({ kind: p.kind, hash: p.hash, steps: p.steps.map((s) => ({ id: s.id, action: s.action, sql: s.sql, purpose: s.purpose })) });

export function planText(p: Plan): string {
  const width = String(p.steps.length).length;
  const lines = p.steps.flatMap((s, i) => [`${String(i + 1).padStart(width)}. [${s.action}] ${s.purpose}`, `${' '.repeat(width + 2)}${s.sql};`]);
  const counts = (['create', 'change', 'unchanged'] as const).map((a) => `${p.steps.filter((s) => s.action === a).length} ${a}`).join(', ');
  return [...lines, '', `${p.kind === 'setup' ? 'Set-up' : 'Uninstall'} plan: ${p.steps.length} statements (${counts}), sha-256 ${p.hash}.`].join('\n');
}

export function applyText(s: ApplySummary): string {
  const head = `${s.kind === 'setup' ? 'Set-up' : 'Uninstall'} ${s.failed === 0 ? 'finished' : 'stopped'}: ${s.ran} ran, ${s.skipped} skipped, ${s.failed} failed${s.resumed ? ' (resumed)' : ''} in ${(s.durationMs / 1000).toFixed(1)} s.`;
  return [head, ...(s.failure ? [`Failed at ${s.failure.stepId}: ${s.failure.message}${s.failure.hint ? ` ${s.failure.hint}` : ''}`] : []), ...(s.manifestPath ? [`Manifest: ${s.manifestPath}`] : [])].join('\n');
}
