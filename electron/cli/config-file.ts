import { readFile } from 'node:fs/promises';
import { IntegrationConfigSchema, type IntegrationConfig } from '../../shared/integration/config';
import { AppFailure } from '../../shared/result';

const bad = (message: string, hint?: string): AppFailure => new AppFailure(hint ? { code: 'BAD_REQUEST', message, hint } : { code: 'BAD_REQUEST', message });

/** Config files are small JSON documents; anything bigger is not one. */
const MAX_BYTES = 1024 * 1024;

/**
 * `--config F`: seed 001's config object (IntegrationConfigSchema), as JSON. Every problem is bad input (exit 2)
 * and is said plainly, one per line with where it is: `catalog: integration catalog: letters, digits…`.
 */
export async function readConfigFile(path: string): Promise<IntegrationConfig> {
  let text: string;
  try {
    const bytes = await readFile(path);
    if (bytes.length > MAX_BYTES) throw bad(`The config file ${path} is larger than 1 MB; it is not an integration config.`);
    text = bytes.toString('utf8');
  } catch (e) {
    if (e instanceof AppFailure) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw bad(`Cannot read the config file ${path}${code === 'ENOENT' ? ': it does not exist' : code === 'EISDIR' ? ': it is a directory' : ''}.`, 'Pass --config with the path of a JSON file holding the integration config (seed 001\u2019s config object).');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw bad(`The config file ${path} is not valid JSON: ${(e as Error).message}.`);
  }
  const parsed = IntegrationConfigSchema.safeParse(json);
  if (!parsed.success) {
    // One line per run (cli-output.ts): the problems joined, each with the field it is about.
    const problems = parsed.error.issues.slice(0, 10).map((i) => `${i.path.length ? i.path.join('.') : '(the file)'}: ${i.message}`);
    throw bad(`The config file ${path} is not a valid integration config — ${problems.join('; ')}.`, 'Fix the fields listed and run again.');
  }
  return parsed.data;
}
