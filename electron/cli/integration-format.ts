import type { ApplySummary } from '../../shared/contract/integration';
import type { Plan } from '../../shared/integration/plan-types';
import type { ValidationFix, ValidationReport } from '../../shared/integration/validation-types';
import { assertNever } from '../../shared/result';
import { displaySql } from '../../shared/sql/display-sql';
import { escapeControl } from '../../shared/text/escape-control';

/** One line of text from the workspace or the config (a name, a reason): its line breaks shown as `\u000a`. */
const one = (text: string): string => escapeControl(text);

/** The REST call that enables a system schema (SystemSchemas API, reference unity-catalog-scim-rest.md R36). */
const enableSchemaCall = (fix: Extract<ValidationFix, { kind: 'enable-system-schema' }>) => ({
  method: 'PUT' as const,
  path: `/api/2.1/unity-catalog/metastores/${encodeURIComponent(fix.metastoreId ?? '<metastore-id>')}/systemschemas/${fix.schema}`,
  body: {},
});
const SCHEMA_ADMIN = 'a metastore admin or an account admin';

/** A fix as `validate --json` gives it: the SQL to run, the REST call to make, or the steps to follow. */
export type FixJson =
  | { readonly sql: string; readonly who: string }
  | { readonly rest: { readonly method: 'PUT'; readonly path: string; readonly body: object }; readonly who: string }
  | { readonly steps: readonly string[] };

export function fixJson(fix: ValidationFix): FixJson {
  switch (fix.kind) {
    case 'sql':
      return { sql: fix.sql, who: fix.who };
    case 'steps':
      return { steps: fix.steps };
    case 'enable-system-schema':
      return { rest: enableSchemaCall(fix), who: SCHEMA_ADMIN };
    default:
      return assertNever(fix, 'fix');
  }
}

/** `ucbridge validate --json`: `{"status","tests":[{"id","name","status","reason","fix"}]}`, fix as FixJson or null. */
export const validationJson = (r: ValidationReport): string =>
  JSON.stringify({ status: r.status, tests: r.tests.map((t) => ({ id: t.id, name: t.name, status: t.status, reason: t.reason, fix: t.fix ? fixJson(t.fix) : null })) });

function fixLines(fix: ValidationFix): string[] {
  switch (fix.kind) {
    case 'sql':
      return [`      fix (run as ${one(fix.who)}):`, ...displaySql(fix.sql).split('\n').map((l) => `        ${l}`)];
    case 'steps':
      return ['      fix:', ...fix.steps.map((s) => `        - ${one(s)}`)];
    case 'enable-system-schema': {
      const call = enableSchemaCall(fix);
      return [`      fix (${SCHEMA_ADMIN}): enable the system schema ${fix.schema} in the app, or call`, `        ${call.method} ${call.path}  body ${JSON.stringify(call.body)}`];
    }
    default:
      return assertNever(fix, 'fix');
  }
}

const MARK = { passed: 'PASS', failed: 'FAIL', warning: 'WARN', skipped: 'SKIP' } as const;

export function validationText(r: ValidationReport): string {
  const lines = r.tests.flatMap((t) => [`${MARK[t.status]}  ${one(t.name)}`, `      ${one(t.reason)}`, ...(t.fix && t.status !== 'passed' ? fixLines(t.fix) : [])]);
  return [...lines, '', `Validation ${r.status}.`].join('\n');
}

/** `ucbridge plan --json`: `{"steps":[{"id","action","sql","purpose"}]}`. */
export const planJson = (p: Plan): string =>
  JSON.stringify({
    kind: p.kind,
    hash: p.hash,
    warnings: p.warnings ?? [],
    // A REST step says so, with its call; `sql` then reads `PUT /api/…`.
    steps: p.steps.map((s) => (s.rest ? { id: s.id, action: s.action, kind: 'rest', method: s.rest.method, path: s.rest.path, body: s.rest.body, sql: s.sql, purpose: s.purpose } : { id: s.id, action: s.action, sql: s.sql, purpose: s.purpose })),
  });

export function planText(p: Plan): string {
  const width = String(p.steps.length).length;
  const indent = ' '.repeat(width + 2);
  const lines = p.steps.flatMap((s, i) => [`${String(i + 1).padStart(width)}. [${s.action}] ${one(s.purpose)}`, ...`${displaySql(s.sql)};`.split('\n').map((l) => `${indent}${l}`)]);
  const counts = (['create', 'change', 'unchanged', 'drop'] as const).map((a) => `${p.steps.filter((s) => s.action === a).length} ${a}`).join(', ');
  return [...lines, '', `${p.kind === 'setup' ? 'Set-up' : 'Uninstall'} plan: ${p.steps.length} statements (${counts}), sha-256 ${p.hash}.`].join('\n');
}

/**
 * What a plan destroys, said on its own before the y/N question (a drop is easy to miss among many revokes):
 * each drop's purpose and statement. Empty when nothing is dropped.
 */
export function dropsText(p: Plan): string {
  const drops = p.steps.filter((s) => s.action === 'drop');
  if (drops.length === 0) return '';
  return [
    `This drops ${drops.length === 1 ? 'the following; it cannot be undone' : `${drops.length} objects; this cannot be undone`}:`,
    ...drops.flatMap((s) => [`  DROP  ${one(s.purpose)}`, ...`${displaySql(s.sql)};`.split('\n').map((l) => `        ${l}`)]),
  ].join('\n');
}

export function applyText(s: ApplySummary): string {
  const head = `${s.kind === 'setup' ? 'Set-up' : 'Uninstall'} ${s.failed === 0 ? 'finished' : 'stopped'}: ${s.ran} ran, ${s.skipped} skipped, ${s.failed} failed${s.resumed ? ' (resumed)' : ''} in ${(s.durationMs / 1000).toFixed(1)} s.`;
  return [head, ...(s.failure ? [`Failed at ${one(s.failure.stepId)}: ${one(s.failure.message)}${s.failure.hint ? ` ${one(s.failure.hint)}` : ''}`] : []), ...(s.manifestPath ? [`Manifest: ${one(s.manifestPath)}`] : [])].join('\n');
}
