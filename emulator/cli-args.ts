import { parseArgs } from 'node:util';
import type { SeedName } from './contracts';
import type { EmulatorOptions } from './startup/options';

export const USAGE = `Usage: npm run emulator -- [options]
  --seed demo|empty|large   identities, warehouses and catalogs to start with (default demo)
  --port N                  HTTPS port on 127.0.0.1 (default: a free port)
  --data-dir DIR            keep state in DIR and reload it on restart (default: in memory)
  --faults SPEC             e.g. latency=50,rate429=0.3,rate503=0.1,resetAfter=100,earlyExpiry=5
  --revocation              serve and advertise /oidc/v1/revoke (Databricks documents none)
  --json                    first stdout line: one JSON object describing the sandbox; logs go to stderr
  --help`;

export class UsageError extends Error {}

export interface CliArgs {
  readonly options: EmulatorOptions;
  readonly json: boolean;
  readonly help: boolean;
}

const SEEDS: readonly SeedName[] = ['demo', 'empty', 'large'];

/** Parses the command line; unknown flags and bad values are usage errors with a message that says what to fix. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        seed: { type: 'string' },
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        faults: { type: 'string' },
        revocation: { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const seed = (values.seed as string | undefined) ?? 'demo';
  if (!SEEDS.includes(seed as SeedName)) throw new UsageError(`--seed must be one of ${SEEDS.join(', ')}`);
  const portText = values.port as string | undefined;
  const port = portText === undefined ? 0 : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be a whole number from 0 to 65535');
  const dataDir = values['data-dir'] as string | undefined;
  const faults = values.faults as string | undefined;
  return {
    json: values.json === true,
    help: values.help === true,
    options: {
      seed: seed as SeedName,
      port,
      ...(dataDir === undefined ? {} : { dataDir }),
      ...(faults === undefined ? {} : { faults }),
      ...(values.revocation === true ? { oauth: { revocation: true } } : {}),
    },
  };
}
