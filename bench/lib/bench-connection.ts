import { connectCli, type CliConnection } from '../../electron/cli/cli-connect';
import { createLogger } from '../../electron/logging';
import { systemClock } from '../../electron/node';
import type { SandboxTarget } from './large-sandbox';

/**
 * The app's own connection (REST client, SQL factory, partner User-Agent, retries) to a sandbox, signed in with the
 * admin's personal access token, as the CLI signs in. The process must trust the sandbox CA (NODE_EXTRA_CA_CERTS).
 */
export function benchConnection(target: SandboxTarget): Promise<CliConnection> {
  const logger = createLogger({ level: 'error', sinks: [] });
  return connectCli(
    { host: target.url, auth: { method: 'pat', token: target.token }, secrets: [target.token] },
    { clock: systemClock, logger, browser: { open: async () => undefined }, showLink: () => undefined },
    new AbortController().signal,
  );
}
