import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { warehouseIdOf, type IntegrationConfig } from '../../shared/integration/config';
import type { PlanKind } from '../../shared/integration/plan-types';
import { exportScripts } from '../../shared/integration/script-export';
import { AppFailure } from '../../shared/result';
import type { Logger } from '../ports';
import { systemClock } from '../node';
import { observeAndPlan } from '../services/integration/plan-service';
import { withGovernedSchemas } from '../services/integration/governed-schemas';
import { runApply } from '../services/integration/run-apply';
import { assertConfigFor } from '../services/integration/saved-config';
import { runValidation } from '../services/integration/validation/run-validation';
import { grantWarehouseUse } from '../services/integration/warehouse-permissions';
import type { CliArgs } from './args';
import type { CliConnection } from './cli-connect';
import { createMemoryKeyValueStore } from './cli-memory-store';
import type { Confirm } from './confirm';
import { applyText, planJson, planText, validationJson, validationText } from './integration-format';

/** Commands that need `--config F`; all but export-script sign in. */
export const INTEGRATION_COMMANDS: ReadonlySet<string> = new Set(['export-script', 'validate', 'plan', 'apply', 'uninstall']);

export interface IntegrationIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly signal: AbortSignal;
  /** Undefined when stdin is not a terminal: apply and uninstall then need --yes. */
  readonly confirm?: Confirm;
}

const usage = (message: string, hint?: string) => new AppFailure(hint ? { code: 'BAD_REQUEST', message, hint } : { code: 'BAD_REQUEST', message });

/** `ucbridge export-script --config F --out DIR`: offline, the same files the app exports. */
export async function exportScriptCommand(args: CliArgs, config: IntegrationConfig, io: IntegrationIo): Promise<number> {
  const out = args.flags.out;
  if (typeof out !== 'string') throw usage('export-script needs --out DIR, the directory to write the scripts to.');
  // Built first: a config missing a governed catalog's schema list is refused (exit 2) before anything is written.
  const files = exportScripts(config);
  await mkdir(out, { recursive: true });
  for (const file of files) {
    const path = join(out, file.name);
    await writeFile(path, file.content);
    io.stdout(path);
  }
  return 0;
}

/** Before any network use: apply/uninstall without --yes need someone at a terminal to say yes. */
export function assertCanConfirm(command: string, args: CliArgs, io: IntegrationIo): void {
  if ((command === 'apply' || command === 'uninstall') && args.flags.yes !== true && io.confirm === undefined) {
    throw usage(`Refusing to ${command} without confirmation: stdin is not a terminal.`, 'Review the plan with ucbridge plan, then run again with --yes.');
  }
}

export async function workspaceCommand(command: string, args: CliArgs, fileConfig: IntegrationConfig, c: CliConnection, io: IntegrationIo, logger: Logger): Promise<number> {
  // The credentials must sign in to the workspace the config describes (exit 2 otherwise).
  assertConfigFor(fileConfig, c.workspace);
  const json = args.flags.json === true;
  const { connection } = c;
  const signal = AbortSignal.any([io.signal, connection.signal]);
  // Schema lists the file leaves out are read from the workspace, as the app does; lists it has are kept.
  const config = await withGovernedSchemas(fileConfig, connection.rest, 'missing', signal);
  if (command === 'validate') {
    const report = await runValidation({ config, connection, signal, now: () => Date.now(), logger });
    io.stdout(json ? validationJson(report) : validationText(report));
    return report.status === 'failed' ? 1 : 0;
  }
  const kind: PlanKind = command === 'uninstall' ? 'uninstall' : 'setup';
  const session = await connection.sql(config.httpPath);
  const plan = await observeAndPlan(session, kind, config, signal, c.workspace.host).finally(() => session.close());
  if (command === 'plan') {
    io.stdout(json ? planJson(plan) : planText(plan));
    return 0;
  }
  io.stderr(planText(plan));
  const pending = plan.steps.filter((s) => s.action !== 'unchanged').length;
  if (args.flags.yes !== true) {
    const yes = await io.confirm!(`${kind === 'setup' ? 'Apply' : 'Uninstall'}: run ${pending} statement${pending === 1 ? '' : 's'} on ${c.workspace.host}?`);
    if (!yes) {
      io.stderr('Nothing was run.');
      return 1;
    }
  }
  if (kind === 'setup') await grantWarehouse(config, connection, signal, io);
  const summary = await runApply({
    kind,
    config,
    connection,
    expectedHash: plan.hash,
    kv: createMemoryKeyValueStore(),
    clock: systemClock,
    logger,
    signal,
    onStep: (e) => e.state === 'failed' || e.state === 'retrying' ? io.stderr(`  ${e.state}: ${e.stepId}${e.message ? ` (${e.message})` : ''}`) : undefined,
  });
  io.stdout(json ? JSON.stringify(summary) : applyText(summary));
  return summary.failed === 0 ? 0 : 1;
}

/**
 * The CLI has no settings to save, so its set-up is where the service principal gets CAN_USE on the warehouse (as the
 * app's save does). A refusal is told with the steps and the set-up still runs: the Unity Catalog grants stand alone.
 */
async function grantWarehouse(config: IntegrationConfig, connection: CliConnection['connection'], signal: AbortSignal, io: IntegrationIo): Promise<void> {
  const warehouseId = warehouseIdOf(config.httpPath);
  if (warehouseId === undefined) return;
  try {
    await grantWarehouseUse(connection.rest, { warehouseId, applicationId: config.servicePrincipal.applicationId, displayName: 'the service principal' }, signal);
  } catch (e) {
    if (signal.aborted) throw e;
    const error = e instanceof AppFailure ? e.error : { message: 'an unexpected error (see the log)', hint: undefined };
    io.stderr(`Warning: ${error.message}${error.hint ? ` ${error.hint}` : ''}`);
  }
}
