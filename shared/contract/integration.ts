import { z } from 'zod';
import { IntegrationSettingsSchema, SetupModeSchema } from '../integration/config';
import { PlanKindSchema, PlanSchema } from '../integration/plan-types';
import { ValidationReportSchema } from '../integration/validation-types';
import { channel, event } from './define';
import { TaskIdSchema } from './task';

/** Step 2, Configure integration. Long calls take a task id (progress on `task.progress`, cancel with `task.cancel`). */

export const WarehouseSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** STOPPED | STARTING | RUNNING | STOPPING | DELETED | DELETING, as the warehouses API says. */
  state: z.string(),
  /** From `odbc_params.path`. */
  httpPath: z.string(),
  clusterSize: z.string().optional(),
  serverless: z.boolean().optional(),
});
export type Warehouse = z.infer<typeof WarehouseSchema>;

export const ServicePrincipalSummarySchema = z.object({
  /** SCIM id. */
  id: z.string(),
  applicationId: z.string(),
  displayName: z.string(),
  active: z.boolean(),
});
export type ServicePrincipalSummary = z.infer<typeof ServicePrincipalSummarySchema>;

export const CatalogSummarySchema = z.object({
  name: z.string(),
  comment: z.string().optional(),
});
export type CatalogSummary = z.infer<typeof CatalogSummarySchema>;

export const IntegrationStatusSchema = z.enum([
  'not-configured', // no settings saved
  'configured', // settings saved, never applied
  'applying',
  'apply-error', // the last apply stopped on a failure: resume it
  'enabled', // applied (or verified) and converged
  'manual-pending', // manual mode: script exported, not yet verified
  'uninstalled',
]);
export type IntegrationStatus = z.infer<typeof IntegrationStatusSchema>;

export const ApplySummarySchema = z.object({
  kind: PlanKindSchema,
  planHash: z.string(),
  /** Steps run now, steps skipped as unchanged or already done by an earlier (interrupted) run, steps failed. */
  ran: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  /** The first failure, in plain language, with the step it stopped on. */
  failure: z.object({ stepId: z.string(), message: z.string(), hint: z.string().optional() }).nullable(),
  /** True when it resumed a journal left by an interrupted run. */
  resumed: z.boolean(),
  durationMs: z.number(),
  /** `/Volumes/<catalog>/<schema>/<volume>/manifest.json` when the manifest was written. */
  manifestPath: z.string().nullable(),
});
export type ApplySummary = z.infer<typeof ApplySummarySchema>;

export const IntegrationViewSchema = z.object({
  settings: IntegrationSettingsSchema.nullable(),
  status: IntegrationStatusSchema,
  lastValidation: ValidationReportSchema.nullable(),
  lastApply: ApplySummarySchema.nullable(),
  /** A journal from an interrupted apply exists for this plan kind. */
  resumable: PlanKindSchema.nullable(),
});
export type IntegrationView = z.infer<typeof IntegrationViewSchema>;

export const VerifyReportSchema = z.object({
  converged: z.boolean(),
  steps: z.array(z.object({ id: z.string(), purpose: z.string(), state: z.enum(['present', 'missing', 'different']) })),
});
export type VerifyReport = z.infer<typeof VerifyReportSchema>;

export const ExportFileSchema = z.object({
  /** `setup.sql`, `uninstall.sql`, `setup_notebook.sql` (Databricks notebook source), `integration.json`. */
  name: z.string(),
  content: z.string(),
  mediaType: z.string(),
});
export type ExportFile = z.infer<typeof ExportFileSchema>;

const empty = z.object({}).strict();

export const integrationChannels = {
  view: channel({ input: empty, output: IntegrationViewSchema, summary: 'Saved settings, status, last validation and apply.' }),
  saveSettings: channel({
    input: z.object({ settings: IntegrationSettingsSchema }).strict(),
    output: IntegrationViewSchema,
    summary: 'Validate and save the integration settings (no secret).',
  }),
  setMode: channel({ input: z.object({ mode: SetupModeSchema }).strict(), output: IntegrationViewSchema, summary: 'Automatic or manual.' }),
  listWarehouses: channel({ input: empty, output: z.array(WarehouseSchema), summary: 'SQL warehouses of the signed-in workspace.' }),
  listCatalogs: channel({
    input: empty,
    output: z.array(CatalogSummarySchema),
    summary: 'Catalogs the signed-in user can see (not system or internal ones), for the catalog fields’ suggestions.',
  }),
  startWarehouse: channel({
    input: z.object({ taskId: TaskIdSchema, warehouseId: z.string().min(1).max(128) }).strict(),
    output: WarehouseSchema,
    summary: 'Start a stopped warehouse and wait until it runs (progress, cancel).',
  }),
  listServicePrincipals: channel({
    input: z.object({ search: z.string().max(200).optional() }).strict(),
    output: z.array(ServicePrincipalSummarySchema),
    summary: 'Service principals from SCIM, optionally filtered by display name.',
  }),
  createServicePrincipal: channel({
    input: z.object({ displayName: z.string().trim().min(1).max(200) }).strict(),
    output: z.object({
      servicePrincipal: ServicePrincipalSummarySchema,
      secretInVault: z.boolean(),
      /** Where the secret really is: the OS keychain, or this process's memory only (lost on quit: export it now). */
      secretStorage: z.enum(['keychain', 'memory-only']),
      secretExpiresAt: z.number().nullable(),
    }),
    summary: 'Create a service principal (Partner Connect style) and an OAuth secret kept only in the vault.',
  }),
  validate: channel({ input: z.object({ taskId: TaskIdSchema }).strict(), output: ValidationReportSchema, summary: 'Run the validation tests.' }),
  enableSystemSchema: channel({
    input: z.object({ schema: z.enum(['access', 'query']) }).strict(),
    output: z.object({ schema: z.string(), state: z.string() }),
    summary: 'Enable a system schema through the system-schemas REST API.',
  }),
  plan: channel({ input: z.object({ kind: PlanKindSchema }).strict(), output: PlanSchema, summary: 'Plan against the workspace as it is now.' }),
  apply: channel({
    input: z.object({ taskId: TaskIdSchema, kind: PlanKindSchema, planHash: z.string().min(1).max(128) }).strict(),
    output: ApplySummarySchema,
    summary: 'Run the plan the user previewed (refused if the plan changed since), resuming a journal if one exists.',
  }),
  verify: channel({ input: z.object({ taskId: TaskIdSchema }).strict(), output: VerifyReportSchema, summary: 'Check the workspace against the plan.' }),
  exportScripts: channel({
    input: empty,
    output: z.array(ExportFileSchema),
    summary: 'Offline: setup.sql, uninstall.sql and the notebook, from the settings alone.',
  }),
  exportPayload: channel({
    input: z.object({ includeSecret: z.boolean() }).strict(),
    output: z.object({ file: ExportFileSchema.nullable(), savedTo: z.string().nullable() }),
    summary: 'Seed 001 config object for the governance product. With the secret it is saved by main to a file the user picks and never sent to the window.',
  }),
  forget: channel({ input: empty, output: IntegrationViewSchema, summary: 'Forget the settings (after uninstall, or to start again).' }),
} as const;

export const integrationEvents = {
  'integration.step': event({
    payload: z.object({
      taskId: TaskIdSchema,
      stepId: z.string(),
      state: z.enum(['running', 'done', 'skipped', 'failed', 'retrying']),
      message: z.string().optional(),
    }),
    summary: 'One plan step changed state during apply.',
  }),
} as const;
