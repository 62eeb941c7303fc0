import { readFile } from 'node:fs/promises';
import { parseWorkspaceUrl } from '../../shared/domain/workspace-url';
import { IntegrationConfigSchema, type IntegrationConfig } from '../../shared/integration/config';
import { AppFailure } from '../../shared/result';
import { fileProblem } from './file-problem';
import { parseJsonc } from './jsonc';

const bad = (message: string, hint?: string): AppFailure => new AppFailure(hint ? { code: 'BAD_REQUEST', message, hint } : { code: 'BAD_REQUEST', message });

/** Config files are small JSON documents; anything bigger is not one. */
const MAX_BYTES = 1024 * 1024;

/** A placeholder `ucbridge init` writes, still in the file: `<warehouse-id>`. */
const PLACEHOLDER = /<[a-z][a-z0-9-]*>/;

/** Where the first placeholder left in a value is (`governedCatalogs.0`), or undefined. Comments do not count. */
function placeholderIn(value: unknown, path: readonly (string | number)[]): string | undefined {
  if (typeof value === 'string') return PLACEHOLDER.test(value) ? path.join('.') : undefined;
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : value !== null && typeof value === 'object' ? Object.entries(value) : [];
  for (const [k, v] of entries) {
    const found = PLACEHOLDER.test(String(k)) ? [...path, k].join('.') : placeholderIn(v, [...path, k]);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Every workspace address in the config, through the parser the app's Authenticate step uses: the same addresses are
 * accepted and refused, with the same words, and the config keeps the normalised form (`https://host`).
 */
function withParsedUrls(config: IntegrationConfig): IntegrationConfig {
  const parse = (field: string, text: string): string => {
    const check = parseWorkspaceUrl(text);
    if (check.ok) return check.value.url;
    throw bad(`In the config file, ${field} is not a workspace address: ${check.problem}`, check.suggestion ? `Write ${check.suggestion}.` : undefined);
  };
  return {
    ...config,
    workspaceUrl: parse('workspaceUrl', config.workspaceUrl),
    additionalWorkspaceConnections: config.additionalWorkspaceConnections.map((w, i) => ({ ...w, workspaceUrl: parse(`additionalWorkspaceConnections.${i}.workspaceUrl`, w.workspaceUrl) })),
  };
}

/**
 * `--config F`: the integration config (IntegrationConfigSchema) as JSON, comments allowed. Every problem is bad
 * input (exit 2) and is said plainly, one per line with where it is: `catalog: integration catalog: letters, digits…`.
 * A file that is not JSON is reported by line and column only, never by its content.
 */
export async function readConfigFile(path: string): Promise<IntegrationConfig> {
  let text: string;
  try {
    const bytes = await readFile(path);
    if (bytes.length > MAX_BYTES) throw bad(`The config file ${path} is larger than 1 MB; it is not an integration config.`);
    text = bytes.toString('utf8');
  } catch (e) {
    if (e instanceof AppFailure) throw e;
    throw bad(`Cannot read the config file ${path}: ${fileProblem(e, 'read')}.`, 'Pass --config with the path of a JSON file holding the integration config (ucbridge init writes one).');
  }
  const json = parseJsonc(text);
  if (!json.ok) throw bad(`The config file ${path} is not valid JSON: the error is at line ${json.line}, column ${json.column}.`);
  const placeholder = placeholderIn(json.value, []);
  if (placeholder !== undefined) throw bad(`The config file ${path} still has a placeholder in ${placeholder || '(the file)'}.`, 'Replace every <placeholder> with your value (ucbridge init on a terminal fills them in from the workspace).');
  const parsed = IntegrationConfigSchema.safeParse(json.value);
  if (!parsed.success) {
    // One line per run (cli-output.ts): the problems joined, each with the field it is about.
    const problems = parsed.error.issues.slice(0, 10).map((i) => `${i.path.length ? i.path.join('.') : '(the file)'}: ${i.message}`);
    throw bad(`The config file ${path} is not a valid integration config — ${problems.join('; ')}.`, 'Fix the fields listed and run again.');
  }
  return withParsedUrls(parsed.data);
}
