import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { PlanKind } from '../../../shared/integration/plan-types';
import { PolicyRefusal } from '../../../shared/policies/compile';
import { parsePolicyFile } from '../../../shared/policies/policy-file';
import type { PolicySet } from '../../../shared/policies/policy-model';
import { exportPolicyScripts } from '../../../shared/policies/policy-scripts';
import { escapeControl } from '../../../shared/text/escape-control';
import { AppFailure } from '../../../shared/result';
import { systemClock } from '../../node';
import { assertConfigFor } from '../../services/integration/saved-config';
import { applyPolicies, planPolicies, type PolicyRun } from '../../services/policies/policy-runner';
import { tableFrom } from '../../services/policies/policy-input';
import { previewAs } from '../../services/policies/preview-as';
import { createMemoryKeyValueStore } from '../cli-memory-store';
import type { ConfigContext, WorkspaceContext } from '../command';
import { outputPathFailure } from '../file-problem';
import { applyText, planJson, planText } from '../integration-format';

const bad = (message: string, hint?: string) => new AppFailure(hint ? { code: 'BAD_REQUEST', message, hint } : { code: 'BAD_REQUEST', message });

/** The policy file named by --policies, parsed; every problem listed (exit 2). */
async function policyFile(ctx: ConfigContext): Promise<PolicySet> {
  const path = ctx.args.flags.policies;
  if (typeof path !== 'string') throw bad('This command needs --policies FILE, the policy file (JSON or YAML).');
  const text = await readFile(path, 'utf8').catch(() => {
    throw bad(`Cannot read the policy file ${path}.`, 'Check the path and that you may read it.');
  });
  const ext = extname(path).toLowerCase();
  const r = parsePolicyFile(text, ext === '.json' ? 'json' : ext === '.yaml' || ext === '.yml' ? 'yaml' : 'auto');
  if (!r.ok) throw new PolicyRefusal(r.problems);
  return r.value;
}

function policyRun(ctx: WorkspaceContext): PolicyRun {
  assertConfigFor(ctx.config, ctx.connection.workspace);
  return { config: ctx.config, connection: ctx.connection.connection, kv: createMemoryKeyValueStore(), clock: systemClock, logger: ctx.logger, signal: AbortSignal.any([ctx.io.signal, ctx.connection.connection.signal]) };
}

export async function validate(ctx: WorkspaceContext): Promise<number> {
  let problems: readonly string[] = [];
  let notes: readonly string[] = [];
  let abac: boolean | null = null;
  let count = 0;
  try {
    const set = await policyFile(ctx);
    count = set.policies.length;
    const p = await planPolicies(policyRun(ctx), set, 'setup');
    notes = p.notes;
    abac = p.observation.abac;
  } catch (e) {
    if (!(e instanceof PolicyRefusal)) throw e;
    problems = e.problems;
  }
  if (ctx.args.flags.json === true) ctx.io.stdout(JSON.stringify({ valid: problems.length === 0, policies: count, problems, notes, abac }));
  else {
    for (const p of problems) ctx.io.stdout(`FAIL  ${escapeControl(p)}`);
    for (const n of notes) ctx.io.stdout(`NOTE  ${escapeControl(n)}`);
    ctx.io.stdout(problems.length === 0 ? `${count} polic${count === 1 ? 'y' : 'ies'} valid${abac === null ? '' : abac ? '; tag masks become ABAC policies' : '; this workspace runs no ABAC policies, tag masks are set per column'}.` : `${problems.length} problem${problems.length === 1 ? '' : 's'}.`);
  }
  return problems.length === 0 ? 0 : 1;
}

export async function plan(ctx: WorkspaceContext): Promise<number> {
  const p = await planPolicies(policyRun(ctx), await policyFile(ctx), 'setup');
  if (ctx.args.flags.json === true) ctx.io.stdout(planJson(p.plan));
  else {
    ctx.io.stdout(planText(p.plan));
    for (const n of p.notes) ctx.io.stdout(`Note: ${escapeControl(n)}`);
  }
  return 0;
}

export async function apply(ctx: WorkspaceContext, kind: PlanKind): Promise<number> {
  const set = await policyFile(ctx);
  const run = policyRun(ctx);
  const p = await planPolicies(run, set, kind);
  ctx.io.stderr(planText(p.plan));
  for (const n of p.notes) ctx.io.stderr(`Note: ${escapeControl(n)}`);
  const pending = p.plan.steps.filter((s) => s.action !== 'unchanged').length;
  await ctx.confirm(`${kind === 'setup' ? 'Apply the policies' : 'Remove the policies'}: run ${pending} statement${pending === 1 ? '' : 's'} on ${ctx.connection.workspace.host}?`);
  const summary = await applyPolicies(run, set, kind, {
    expectedHash: p.plan.hash,
    onStep: (e) => (e.state === 'failed' || e.state === 'retrying' ? ctx.io.stderr(`  ${e.state}: ${e.stepId}${e.message ? ` (${e.message})` : ''}`) : undefined),
  });
  ctx.io.stdout(ctx.args.flags.json === true ? JSON.stringify(summary) : applyText(summary));
  return summary.failed === 0 ? 0 : 1;
}

export async function exportScript(ctx: ConfigContext): Promise<number> {
  const out = ctx.args.flags.out;
  if (typeof out !== 'string') throw bad('policies export-script needs --out DIR, the directory to write the scripts to.');
  // Built first: anything refused (exit 2) leaves nothing written.
  const files = exportPolicyScripts(await policyFile(ctx), ctx.config.catalog);
  await mkdir(out, { recursive: true }).catch((e: unknown) => {
    throw outputPathFailure(out, e);
  });
  for (const file of files) {
    const path = join(out, file.name);
    await writeFile(path, file.content).catch((e: unknown) => {
      throw outputPathFailure(path, e);
    });
    ctx.io.stdout(path);
  }
  return 0;
}

export async function preview(ctx: WorkspaceContext): Promise<number> {
  const { as, table, limit } = ctx.args.flags;
  if (typeof as !== 'string' || as.trim() === '') throw bad('policies preview needs --as PRINCIPAL (a user name or a service principal application id).');
  if (typeof table !== 'string') throw bad('policies preview needs --table catalog.schema.table.');
  const n = limit === undefined ? 20 : Number(limit);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw bad('--limit must be a whole number from 1 to 100.');
  const p = await previewAs(policyRun(ctx), await policyFile(ctx), as.trim(), tableFrom(table), n);
  if (ctx.args.flags.json === true) ctx.io.stdout(JSON.stringify({ columns: p.columns, rows: p.rows, hiddenRows: p.hiddenRows, maskedColumns: p.maskedColumns, totalRows: p.totalRows, notes: p.notes }));
  else {
    const cell = (v: unknown) => escapeControl(v === null ? 'NULL' : String(v));
    ctx.io.stdout(p.columns.map((c) => (p.maskedColumns.includes(c) ? `${escapeControl(c)}*` : escapeControl(c))).join(' | '));
    for (const r of p.rows) ctx.io.stdout(r.map(cell).join(' | '));
    for (const n of p.notes) ctx.io.stdout(`Note: ${escapeControl(n)}`);
    ctx.io.stdout(`${p.rows.length} row${p.rows.length === 1 ? '' : 's'} shown as ${escapeControl(p.principal)}; ${p.hiddenRows} of ${p.totalRows} hidden by the row filter; * masked column (${p.source === 'deployed' ? 'as applied' : 'as planned, not yet applied'}).`);
  }
  return 0;
}
