import {
  INTEGRATION_CATALOG_RULE,
  IntegrationCatalogSchema,
  IntegrationSettingsSchema,
  type IntegrationSettings,
  type IntegrationSettingsInput,
  type ManageScope,
  type SetupMode,
} from '../../../../shared/integration/config';

/**
 * The Configure-integration form as plain data, and the one function that turns it into the settings main saves
 * or says, per field, what is wrong — checked with the same zod schemas main applies, so a typo is caught while
 * typing and nothing half-valid is ever sent.
 */
export interface ChosenPrincipal {
  readonly applicationId: string;
  readonly displayName: string;
  readonly createdByUcbridge: boolean;
  readonly secretInVault: boolean;
}

export interface WorkspaceDraft {
  /** Stable React key for the row (rows can be removed from the middle). */
  readonly key: string;
  readonly workspaceUrl: string;
  readonly httpPath: string;
  /** Comma- or newline-separated catalog names. */
  readonly catalogs: string;
}

export interface ConfigForm {
  readonly warehouseId: string;
  readonly httpPath: string;
  readonly catalog: string;
  readonly audit: boolean;
  readonly governedCatalogs: readonly string[];
  readonly additional: readonly WorkspaceDraft[];
  readonly servicePrincipal: ChosenPrincipal | null;
  readonly mode: SetupMode;
  /** Where the service principal gets MANAGE: on each governed catalog (default) or on each of its schemas. */
  readonly manageScope: ManageScope;
  /** Managed storage URL for the integration catalog; empty: the metastore's root storage. */
  readonly storageLocation: string;
}

export const EMPTY_CONFIG_FORM: ConfigForm = {
  warehouseId: '',
  httpPath: '',
  catalog: 'ucbridge',
  audit: true,
  governedCatalogs: [],
  additional: [],
  servicePrincipal: null,
  mode: 'automatic',
  manageScope: 'catalog',
  storageLocation: '',
};

/** Field keys: `catalog`, `warehouse`, `servicePrincipal`, `governed`, `governed.2`, `additional.0.httpPath`… */
export type Problems = Readonly<Record<string, string>>;

export type ConfigCheck =
  | { readonly ok: true; readonly settings: IntegrationSettingsInput; readonly normalized: IntegrationSettings }
  | { readonly ok: false; readonly problems: Problems };

/** The seed's rule for the integration catalog, said the way a person would fix it; undefined when it is fine. */
export function catalogProblem(text: string): string | undefined {
  if (text.trim() === '') return 'Enter a name for the integration catalog.';
  return IntegrationCatalogSchema.safeParse(text).success ? undefined : `Use ${INTEGRATION_CATALOG_RULE}.`;
}

export const splitNames = (text: string): string[] =>
  text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

let keySeq = 0;
export const newWorkspaceDraft = (): WorkspaceDraft => ({ key: `ws${++keySeq}`, workspaceUrl: '', httpPath: '', catalogs: '' });

/** The form as the settings schema's input (before defaults and lower-casing). */
export function toSettingsInput(form: ConfigForm, workspaceUrl: string): IntegrationSettingsInput {
  const sp = form.servicePrincipal;
  return {
    config: {
      workspaceUrl,
      httpPath: form.httpPath,
      catalog: form.catalog,
      ...(form.storageLocation.trim() === '' ? {} : { storageLocation: form.storageLocation }),
      manageScope: form.manageScope,
      audit: { enabled: form.audit },
      servicePrincipal: { applicationId: sp?.applicationId ?? '' },
      governedCatalogs: form.governedCatalogs.map((c) => c.trim()),
      additionalWorkspaceConnections: form.additional.map((w) => ({
        workspaceUrl: w.workspaceUrl,
        httpPath: w.httpPath,
        catalogs: splitNames(w.catalogs),
      })),
    },
    mode: form.mode,
    ...(form.warehouseId ? { warehouseId: form.warehouseId } : {}),
    servicePrincipal: {
      displayName: sp?.displayName ?? '',
      createdByUcbridge: sp?.createdByUcbridge ?? false,
      secretInVault: sp?.secretInVault ?? false,
    },
  };
}

/** Maps a zod issue path under `settings` to the form field that shows it. */
export function problemKey(path: readonly PropertyKey[]): string {
  const [root, field, index, sub] = path.map(String);
  if (root !== 'config') return root === 'servicePrincipal' ? 'servicePrincipal' : 'form';
  switch (field) {
    case 'httpPath':
    case 'workspaceUrl':
      return 'warehouse';
    case 'servicePrincipal':
      return 'servicePrincipal';
    case 'governedCatalogs':
      return index === undefined ? 'governed' : `governed.${index}`;
    case 'additionalWorkspaceConnections':
      return index === undefined ? 'additional' : `additional.${index}.${sub ?? 'catalogs'}`;
    default:
      return field ?? 'form';
  }
}

/** The schema's messages name the field ("HTTP path: …"); under a labelled input the label already does. */
const sentence = (message: string): string => {
  const bare = message.replace(/^[A-Za-z ]+: /, '');
  if (bare === 'required') return 'This is required.';
  const capital = bare.charAt(0).toUpperCase() + bare.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
};

const friendly = (key: string, message: string): string => {
  if (key === 'warehouse') return 'Choose the SQL warehouse the integration uses.';
  if (key === 'servicePrincipal') return 'Choose the service principal the governance product runs as, or create one.';
  return sentence(message);
};

export function checkConfig(form: ConfigForm, workspaceUrl: string): ConfigCheck {
  const settings = toSettingsInput(form, workspaceUrl);
  const problems: Record<string, string> = {};
  const catalog = catalogProblem(form.catalog);
  if (catalog) problems.catalog = catalog;
  if (!form.servicePrincipal) problems.servicePrincipal = friendly('servicePrincipal', '');
  const parsed = IntegrationSettingsSchema.safeParse(settings);
  if (parsed.success && Object.keys(problems).length === 0) return { ok: true, settings, normalized: parsed.data };
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const key = problemKey(issue.path);
    if (key === 'catalog' && problems.catalog) continue;
    problems[key] ??= friendly(key, issue.message);
  }
  return { ok: false, problems };
}

/** The saved settings back as a form (for editing an existing integration). */
export function formFromSettings(s: IntegrationSettings): ConfigForm {
  return {
    warehouseId: s.warehouseId ?? '',
    httpPath: s.config.httpPath,
    catalog: s.config.catalog,
    audit: s.config.audit.enabled,
    governedCatalogs: s.config.governedCatalogs,
    additional: s.config.additionalWorkspaceConnections.map((w) => ({
      ...newWorkspaceDraft(),
      workspaceUrl: w.workspaceUrl,
      httpPath: w.httpPath,
      catalogs: w.catalogs.join(', '),
    })),
    servicePrincipal: { applicationId: s.config.servicePrincipal.applicationId, ...s.servicePrincipal },
    mode: s.mode,
    manageScope: s.config.manageScope,
    storageLocation: s.config.storageLocation ?? '',
  };
}

/** The parts of the config the form edits; anything else in it (details main fills in from the workspace) is not. */
const FORM_FIELDS = ['workspaceUrl', 'httpPath', 'catalog', 'storageLocation', 'manageScope', 'audit', 'servicePrincipal', 'governedCatalogs', 'additionalWorkspaceConnections'] as const;
const formPart = (config: IntegrationSettings['config']): string => JSON.stringify(FORM_FIELDS.map((k) => config[k]));

/** Whether the form says the same as what main has saved (so the saved plan still describes it). */
export function sameAsSaved(form: ConfigForm, workspaceUrl: string, saved: IntegrationSettings | null): boolean {
  if (!saved) return false;
  const check = checkConfig(form, workspaceUrl);
  return check.ok && formPart(check.normalized.config) === formPart(saved.config) && check.normalized.warehouseId === saved.warehouseId;
}
