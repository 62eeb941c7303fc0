import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { warehouseIdOf, type IntegrationConfig } from '../../../shared/integration/config';
import type { Plan, PlanKind } from '../../../shared/integration/plan-types';
import { exportScripts } from '../../../shared/integration/script-export';
import { AppFailure } from '../../../shared/result';
import { systemClock } from '../../node';
import { loadAddedGrants } from '../../services/integration/added-grants-store';
import { withGovernedSchemas } from '../../services/integration/governed-schemas';
import { observeAndPlan } from '../../services/integration/plan-service';
import { runApply } from '../../services/integration/run-apply';
import { assertConfigFor } from '../../services/integration/saved-config';
import { runValidation } from '../../services/integration/validation/run-validation';
import { grantWarehousesUse, warehousesOfIntegration } from '../../services/integration/warehouse-grants';
import { canUseSteps } from '../../services/integration/warehouse-permissions';
import type { CliConnection } from '../cli-connect';
import { createMemoryKeyValueStore } from '../cli-memory-store';
import { outputPathFailure } from '../file-problem';
import type { CommandIo, ConfigContext, WorkspaceContext } from '../command';
import { applyText, dropsText, planJson, planText, validationJson, validationText } from '../integration-format';

const usage = (message: string, hint?: string) => new AppFailure(hint ? { code: 'BAD_REQUEST', message, hint } : { code: 'BAD_REQUEST', message });

/** `ucbridge export-script --config F --out DIR`: offline, the same files the app exports. */
export async function exportScript({ args, config, io }: ConfigContext): Promise<number> {
  const out = args.flags.out;
  if (typeof out !== 'string') throw usage('export-script needs --out DIR, the directory to write the scripts to.');
  // Built first: a config missing a governed catalog's schema list is refused (exit 2) before anything is written.
  const files = exportScripts(config);
  await mkdir(out, { recursive: true }).catch((e: unknown) => {
    throw outputPathFailure(out, e);
  });
  for (const file of files) {
    const path = join(out, file.name);
    await writeFile(path, file.content).catch((e: unknown) => {
      throw outputPathFailure(path, e);
    });
    io.stdout(path);
  }
  return 0;
}

/** The config as the workspace has it: signed in to the workspace it names, schema lists filled in. */
async function workspaceConfig({ config: fileConfig, connection: c, io }: WorkspaceContext): Promise<{ config: IntegrationConfig; signal: AbortSignal }> {
  // The credentials must sign in to the workspace the config describes (exit 2 otherwise).
  assertConfigFor(fileConfig, c.workspace);
  const signal = AbortSignal.any([io.signal, c.connection.signal]);
  // Schema lists the file leaves out are read from the workspace, as the app does; lists it has are kept.
  return { config: await withGovernedSchemas(fileConfig, c.connection.rest, 'missing', signal), signal };
}

export async function validate(ctx: WorkspaceContext): Promise<number> {
  const { config, signal } = await workspaceConfig(ctx);
  const report = await runValidation({ config, connection: ctx.connection.connection, signal, now: () => Date.now(), logger: ctx.logger });
  ctx.io.stdout(ctx.args.flags.json === true ? validationJson(report) : validationText(report));
  return report.status === 'failed' ? 1 : 0;
}

async function planFor(ctx: WorkspaceContext, kind: PlanKind) {
  const { config, signal } = await workspaceConfig(ctx);
  const { connection } = ctx.connection;
  // The CLI keeps no local state: what set-up added is read from the manifest on the staging volume.
  const kv = createMemoryKeyValueStore();
  const added = kind === 'uninstall' ? await loadAddedGrants(connection.rest, kv, config.catalog, ctx.logger, signal) : null;
  const session = await connection.sql(config.httpPath);
  const plan = await observeAndPlan(session, kind, config, signal, connection, added).finally(() => session.close());
  return { config, signal, plan, kv };
}

/** Warnings go to stderr, on their own lines, before anything is asked. */
const printWarnings = (io: CommandIo, p: Plan) => {
  for (const w of p.warnings ?? []) io.stderr(`Warning: ${w}`);
};

export async function plan(ctx: WorkspaceContext): Promise<number> {
  const { plan: p } = await planFor(ctx, ctx.args.flags.uninstall === true ? 'uninstall' : 'setup');
  printWarnings(ctx.io, p);
  ctx.io.stdout(ctx.args.flags.json === true ? planJson(p) : planText(p));
  return 0;
}

/**
 * Before a set-up: validation, and a refusal (exit 1) while a test fails, unless --force. What the set-up fixes
 * itself (CAN_USE on the warehouse, a system schema a metastore admin enables) is a warning there, not a failure.
 */
async function validateBeforeApply(ctx: WorkspaceContext): Promise<boolean> {
  const { config, signal } = await workspaceConfig(ctx);
  const report = await runValidation({ config, connection: ctx.connection.connection, signal, now: () => Date.now(), logger: ctx.logger });
  const failed = report.tests.filter((t) => t.status === 'failed');
  if (failed.length === 0) return true;
  const tests = `${failed.length} validation test${failed.length === 1 ? '' : 's'}`;
  ctx.io.stderr(validationText({ ...report, tests: failed }));
  if (ctx.args.flags.force === true) {
    ctx.io.stderr(`Warning: applying although ${tests} failed (--force).`);
    return true;
  }
  ctx.io.stderr(`Refusing to apply: ${tests} failed that the set-up cannot fix. Fix ${failed.length === 1 ? 'it' : 'them'} as shown above and run again, or apply anyway with --force.`);
  return false;
}

/** `apply` (set-up) and `uninstall`: the plan on stderr, the question, then the run. */
export async function apply(ctx: WorkspaceContext, kind: PlanKind): Promise<number> {
  if (kind === 'setup' && !(await validateBeforeApply(ctx))) return 1;
  const { config, signal, plan: p, kv } = await planFor(ctx, kind);
  const { io, connection: c } = ctx;
  io.stderr(planText(p));
  printWarnings(io, p);
  const drops = dropsText(p);
  if (drops !== '') io.stderr(`\n${drops}`);
  const pending = p.steps.filter((s) => s.action !== 'unchanged').length;
  await ctx.confirm(`${kind === 'setup' ? 'Apply' : 'Uninstall'}: run ${pending} statement${pending === 1 ? '' : 's'} on ${c.workspace.host}?`);
  if (kind === 'setup') await grantWarehouses(config, c.connection, signal, io);
  const summary = await runApply({
    kind,
    config,
    connection: c.connection,
    expectedHash: p.hash,
    kv,
    clock: systemClock,
    logger: ctx.logger,
    signal,
    onStep: (e) => (e.state === 'failed' || e.state === 'retrying' ? io.stderr(`  ${e.state}: ${e.stepId}${e.message ? ` (${e.message})` : ''}`) : undefined),
  });
  io.stdout(ctx.args.flags.json === true ? JSON.stringify(summary) : applyText(summary));
  return summary.failed === 0 ? 0 : 1;
}

/**
 * The CLI has no settings to save, so its set-up is where the service principal gets CAN_USE on the warehouses (as the
 * app's save does): the main one and each additional workspace's on this host. A refusal, or a warehouse of another
 * workspace, is told with the steps and the set-up still runs: the Unity Catalog grants stand alone.
 */
async function grantWarehouses(config: IntegrationConfig, connection: CliConnection['connection'], signal: AbortSignal, io: CommandIo): Promise<void> {
  const warehouses = warehousesOfIntegration(config, connection.workspace.host, warehouseIdOf(config.httpPath));
  const sp = { applicationId: config.servicePrincipal.applicationId, displayName: 'the service principal' };
  for (const r of await grantWarehousesUse(connection.rest, warehouses, sp, signal)) {
    if (r.outcome === 'elsewhere') {
      const steps = canUseSteps(r.warehouse.warehouseId, 'the service principal').join(' ');
      io.stderr(`Warning: signed in to ${connection.workspace.host}, ucbridge cannot give the service principal CAN_USE on SQL warehouse ${r.warehouse.warehouseId} of ${r.warehouse.workspaceUrl}. ${steps} (Or make the REST call setup.sql's header lists, in that workspace.)`);
    } else if (r.outcome === 'refused') {
      const error = r.error instanceof AppFailure ? r.error.error : { message: 'an unexpected error (see the log)', hint: undefined };
      io.stderr(`Warning: ${error.message}${error.hint ? ` ${error.hint}` : ''}`);
    }
  }
}
