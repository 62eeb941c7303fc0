import { z } from 'zod';
import { securableNameProblem } from '../sql/quote';

/**
 * The integration's configuration. Its file form (the CLI's `--config F`, and the payload exported for the
 * governance product) follows seed 001's config object; nothing here ever holds a secret.
 */

/** Seed 001: "may only contain letters, numbers, and underscores and cannot start with a number"; stored lower-case. */
export const INTEGRATION_CATALOG_RULE = 'letters, digits and underscores, not starting with a digit, at most 255 characters';
export const IntegrationCatalogSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,254}$/u, `integration catalog: ${INTEGRATION_CATALOG_RULE}`)
  .transform((s) => s.toLowerCase());

/** `/sql/1.0/warehouses/<id>` as the warehouses API gives it in `odbc_params.path` (a leading slash is added). */
export const HttpPathSchema = z
  .string()
  .trim()
  .min(1, 'HTTP path: required')
  .max(512)
  .regex(/^\/?[A-Za-z0-9/_.-]+$/u, 'HTTP path: the warehouse\u2019s path, e.g. /sql/1.0/warehouses/1234567890abcdef')
  .transform((s) => (s.startsWith('/') ? s : `/${s}`));

/** `/sql/1.0/warehouses/<id>` → `<id>` (the driver's README uses `/sql/2.0/…`); any other path names no warehouse. */
export const warehouseIdOf = (httpPath: string): string | undefined => /^\/sql\/[12]\.0\/warehouses\/([^/]+)$/u.exec(httpPath)?.[1];

/** Any Unity Catalog name (governed catalogs may be named anything UC allows); quoting makes them safe in SQL. */
export const SecurableNameSchema = z
  .string()
  .superRefine((s, ctx) => {
    const problem = securableNameProblem(s);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((s) => s.toLowerCase());

/** An application id (service principals are granted to by it). Databricks issues UUIDs. */
export const ApplicationIdSchema = z
  .string()
  .trim()
  .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/u, 'service principal: an application id (UUID)')
  .transform((s) => s.toLowerCase());

export const WorkspaceUrlTextSchema = z.string().trim().min(1, 'workspace URL: required').max(2048);

export const AdditionalWorkspaceSchema = z
  .object({
    workspaceUrl: WorkspaceUrlTextSchema,
    httpPath: HttpPathSchema,
    catalogs: z.array(SecurableNameSchema).min(1, 'additional workspace: at least one catalog'),
  })
  .strict();
export type AdditionalWorkspace = z.output<typeof AdditionalWorkspaceSchema>;

/**
 * Where the service principal gets MANAGE in each governed catalog. `catalog` (the default) is what Immuta's guide
 * asks: MANAGE directly on the catalog, so grants, row filters and column masks apply to every current and future
 * schema — and the holder may also DROP the catalog (DROP CATALOG docs). `schema` (opt-in) grants MANAGE on each
 * listed schema instead: it cannot drop the catalog, but may still drop those schemas and their tables and transfer
 * their ownership (DROP SCHEMA docs), and a schema created later is not covered until the integration is updated.
 */
export const ManageScopeSchema = z.enum(['catalog', 'schema']);
export type ManageScope = z.infer<typeof ManageScopeSchema>;

/**
 * A managed storage location for the integration catalog (`CREATE CATALOG … MANAGED LOCATION '<url>'`): a cloud
 * storage URL inside an external location the installer holds CREATE MANAGED STORAGE on. Needed when the metastore
 * has no root storage, as metastores of workspaces enabled for Unity Catalog automatically do
 * (https://docs.databricks.com/aws/en/connect/unity-catalog/cloud-storage/managed-storage).
 */
export const STORAGE_LOCATION_RULE = 'a cloud storage URL such as s3://bucket/path, abfss://container@account.dfs.core.windows.net/path or gs://bucket/path';
export const StorageLocationSchema = z
  .string()
  .trim()
  .max(1024, 'managed storage location: at most 1024 characters')
  .regex(/^[A-Za-z][A-Za-z0-9+.-]*:\/\/\S+$/u, `managed storage location: ${STORAGE_LOCATION_RULE}`)
  // Control characters would be escaped in the SQL literal, but no storage URL has one: refused outright.
  .refine((s) => ![...s].some((ch) => ch < ' ' || ch === '\u007f'), `managed storage location: ${STORAGE_LOCATION_RULE}`);

/** Every schema has one; it is read-only and nothing can be granted on it. */
export const INFORMATION_SCHEMA = 'information_schema';

function lowerCaseKeys(lists: Readonly<Record<string, string[]>>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  // Two keys that differ only in case name one catalog (UC stores names lower-case): their lists merge.
  for (const [k, v] of Object.entries(lists)) out[k.toLowerCase()] = [...(out[k.toLowerCase()] ?? []), ...v];
  return out;
}

/** Keys must be catalogs the config governs; each schema listed once, never information_schema. */
function governedSchemasProblems(c: {
  governedCatalogs: readonly string[];
  additionalWorkspaceConnections: readonly AdditionalWorkspace[];
  governedSchemas: Readonly<Record<string, readonly string[]>>;
}): { path: (string | number)[]; message: string }[] {
  const governed = new Set([...c.governedCatalogs, ...c.additionalWorkspaceConnections.flatMap((w) => w.catalogs)]);
  const problems: { path: (string | number)[]; message: string }[] = [];
  for (const [catalog, schemas] of Object.entries(c.governedSchemas)) {
    const path = ['governedSchemas', catalog];
    const nameProblem = securableNameProblem(catalog);
    if (nameProblem !== undefined) problems.push({ path, message: nameProblem });
    else if (!governed.has(catalog)) problems.push({ path, message: `"${catalog}" is not a governed catalog (list it in governedCatalogs or an additional workspace's catalogs)` });
    const seen = new Set<string>();
    schemas.forEach((s, i) => {
      if (s === INFORMATION_SCHEMA) problems.push({ path: [...path, i], message: `${INFORMATION_SCHEMA} cannot be granted on; leave it out` });
      else if (seen.has(s)) problems.push({ path: [...path, i], message: `"${s}" is listed twice` });
      seen.add(s);
    });
  }
  return problems;
}

/** `{"enabled": true|false}`; the common slip `"audit": true` is answered with what to write instead. */
export const AuditSchema = z
  .object({ enabled: z.boolean() }, { error: (issue) => (typeof issue.input === 'boolean' ? `an object, not ${issue.input}: write "audit": {"enabled": ${issue.input}}` : undefined) })
  .strict();

/** Seed 001's config object, without its credential fields (those live in the vault). */
export const IntegrationConfigSchema = z
  .object({
    workspaceUrl: WorkspaceUrlTextSchema,
    httpPath: HttpPathSchema,
    catalog: IntegrationCatalogSchema,
    audit: AuditSchema,
    servicePrincipal: z.object({ applicationId: ApplicationIdSchema }).strict(),
    governedCatalogs: z.array(SecurableNameSchema).default([]),
    additionalWorkspaceConnections: z.array(AdditionalWorkspaceSchema).default([]),
    /** Managed storage for the integration catalog; absent, the metastore's root storage is used. */
    storageLocation: StorageLocationSchema.optional(),
    /** MANAGE on each governed catalog (default) or on each of its schemas (opt-in): see ManageScopeSchema. */
    manageScope: ManageScopeSchema.default('catalog'),
    /**
     * With `manageScope: "schema"`, per governed catalog, its schemas: the service principal gets MANAGE on each of
     * them. Kept in the config so the offline export has them; main fills it from the workspace
     * (governed-schemas.ts). A key applies to that catalog on every workspace that governs it. Unused with
     * `manageScope: "catalog"`.
     */
    governedSchemas: z.record(z.string(), z.array(SecurableNameSchema)).default({}),
  })
  .strict()
  .transform((c) => ({ ...c, governedSchemas: lowerCaseKeys(c.governedSchemas) }))
  .superRefine((c, ctx) => {
    governedSchemasProblems(c).forEach((issue) => ctx.addIssue({ code: 'custom', ...issue }));
    if (c.governedCatalogs.includes(c.catalog)) {
      ctx.addIssue({ code: 'custom', path: ['governedCatalogs'], message: 'the integration catalog cannot also be a governed catalog' });
    }
    const seen = new Set<string>();
    c.governedCatalogs.forEach((name, i) => {
      if (seen.has(name)) ctx.addIssue({ code: 'custom', path: ['governedCatalogs', i], message: `"${name}" is listed twice` });
      seen.add(name);
    });
  });
/** As written in a file or typed in the form (before defaults and lower-casing). */
export type IntegrationConfigInput = z.input<typeof IntegrationConfigSchema>;
/** Validated and normalised. */
export type IntegrationConfig = z.output<typeof IntegrationConfigSchema>;

export const SetupModeSchema = z.enum(['automatic', 'manual']);
export type SetupMode = z.infer<typeof SetupModeSchema>;

/** What the app keeps about the integration (in the key-value store; no secret). */
export const IntegrationSettingsSchema = z
  .object({
    config: IntegrationConfigSchema,
    mode: SetupModeSchema,
    /** The warehouse the app runs the plan on (its id; the HTTP path is in `config.httpPath`). */
    warehouseId: z.string().max(128).optional(),
    servicePrincipal: z
      .object({
        displayName: z.string().max(512),
        /** True when ucbridge created it (Partner Connect style) and so may offer to delete it on uninstall. */
        createdByUcbridge: z.boolean(),
        /** Whether an OAuth secret for it is held in the vault (never the secret itself). */
        secretInVault: z.boolean(),
      })
      .strict(),
  })
  .strict();
export type IntegrationSettingsInput = z.input<typeof IntegrationSettingsSchema>;
export type IntegrationSettings = z.output<typeof IntegrationSettingsSchema>;

/** The default name of a service principal ucbridge creates, like Partner Connect's `<PARTNER>_USER`. */
export const DEFAULT_SERVICE_PRINCIPAL_NAME = 'UCBRIDGE_USER';
