import { AppFailure } from '../../shared/result';
import { createSystemBrowserOpener, systemClock } from '../node';
import type { BrowserOpener, Logger } from '../ports';
import { configFilePath, readProfileFile } from '../services/session/profiles';
import { UsageError, type CliArgs } from './args';
import { connectCli, type CliConnection } from './cli-connect';
import { resolveCliConfig, type CliConfig } from './unified-config';

export interface SignInIo {
  readonly env: NodeJS.ProcessEnv;
  readonly stderr: (text: string) => void;
  readonly signal: AbortSignal;
  /** Defaults to the system browser. */
  readonly browser?: BrowserOpener;
}

/** Credentials as Databricks unified auth resolves them; an integration command's config names the host otherwise. */
export async function credentials(args: CliArgs, env: NodeJS.ProcessEnv, defaultHost?: string): Promise<CliConfig> {
  const file = await readProfileFile(configFilePath(env));
  try {
    return resolveCliConfig(args, env, file.profiles);
  } catch (e) {
    const noHost = e instanceof AppFailure && e.error.message === 'No workspace given.';
    if (!noHost || defaultHost === undefined) throw e;
    return resolveCliConfig({ ...args, flags: { ...args.flags, host: defaultHost } }, env, file.profiles);
  }
}

export async function signIn(args: CliArgs, io: SignInIo, config: CliConfig, logger: Logger): Promise<CliConnection> {
  const noBrowser = args.flags['no-browser'] === true;
  const showLink = (url: string) => io.stderr(`Open this link in your browser to sign in:\n${url}`);
  const browser: BrowserOpener = noBrowser ? { open: async (url) => showLink(url) } : (io.browser ?? createSystemBrowserOpener());
  const timeout = typeof args.flags.timeout === 'string' ? Number(args.flags.timeout) : undefined;
  if (timeout !== undefined && !(timeout >= 1 && timeout <= 3600)) throw new UsageError('--timeout is a number of seconds from 1 to 3600.');
  return connectCli(config, { clock: systemClock, logger, browser, showLink, ...(timeout ? { signInTimeoutMs: timeout * 1000 } : {}) }, io.signal);
}
