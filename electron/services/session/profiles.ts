import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ProfileSummary } from '../../../shared/contract/auth';
import { parseAccountId } from '../../../shared/domain/account-id';
import { isValidClientId } from '../../../shared/domain/oauth-client';
import { parseWorkspaceUrl } from '../../../shared/domain/workspace-url';
import { MAX_CONFIG_BYTES, parseDatabricksCfg, type ConfigProfile } from './databrickscfg';

/** `DATABRICKS_CONFIG_FILE`, else `~/.databrickscfg` (Databricks unified auth). */
export function configFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABRICKS_CONFIG_FILE && env.DATABRICKS_CONFIG_FILE.trim() !== '' ? env.DATABRICKS_CONFIG_FILE : join(homedir(), '.databrickscfg');
}

export interface ProfileFile {
  readonly path: string;
  readonly problem?: string;
  readonly profiles: readonly ConfigProfile[];
}

export async function readProfileFile(path: string): Promise<ProfileFile> {
  try {
    const text = await readFile(path, 'utf8');
    if (text.length > MAX_CONFIG_BYTES) return { path, problem: 'The file is too large to be a Databricks configuration.', profiles: [] };
    return { path, profiles: parseDatabricksCfg(text) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { path, ...(code === 'ENOENT' ? {} : { problem: `It could not be read (${code ?? 'error'}).` }), profiles: [] };
  }
}

/** What the renderer may see of a profile: never a secret, only whether one is there. */
export function summarizeProfile(p: ConfigProfile): ProfileSummary {
  const v = p.values;
  const host = v.host ? parseWorkspaceUrl(v.host) : undefined;
  const account = v.account_id ? parseAccountId(v.account_id) : undefined;
  const problem = !v.host ? 'No host in this profile.' : host && !host.ok ? host.problem : undefined;
  return {
    name: p.name,
    ...(host?.ok ? { url: host.value.url } : {}),
    ...(v.auth_type ? { authType: v.auth_type.slice(0, 50) } : {}),
    ...(v.client_id && isValidClientId(v.client_id) ? { clientId: v.client_id } : {}),
    ...(account?.ok ? { accountId: account.value } : {}),
    hasToken: !!v.token,
    hasClientSecret: !!v.client_secret,
    ...(problem ? { problem } : {}),
  };
}
