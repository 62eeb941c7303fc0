import { parseArgs } from 'node:util';
import type { SeedName } from './contracts';
import type { EmulatorOptions } from './startup/options';

export const USAGE = `Usage: npm run emulator -- [options]
  --seed demo|empty|large   identities, warehouses and catalogs to start with (default demo)
  --scale-tables N          tables in the large seed (default 100000)
  --scale-columns N         columns per table in the large seed (default 20)
  --port N                  HTTPS port on 127.0.0.1 (default: a free port)
  --data-dir DIR            keep state in DIR and reload it on restart (default: in memory)
  --faults SPEC             comma-separated, e.g. latency=50,rate429=0.3,rate503=0.1,resetAfter=100
                            latency=MS        added before every API, token and SQL answer
                            rate429=F         fraction answered 429 REQUEST_LIMIT_EXCEEDED (with Retry-After)
                            rate503=F         fraction answered 503 TEMPORARILY_UNAVAILABLE (with Retry-After)
                            retryAfter=S      the Retry-After seconds they carry (default 1)
                            resetAfter=N      after every N requests, reset the next one's connection
                            earlyExpiry=S     OAuth access tokens stop working S seconds after issue
                            tokenError=401|403|400  how a refused token is answered: 401 UNAUTHENTICATED,
                                              403 {"error_code":403,"message":"Invalid access token."},
                                              or 400 "…ExpiredJwtException…" (REST and SQL warehouse)
                            seed=N            repeatable 429/503 draws
                            pageSize=N        list paging: items per page
                            emptyPages=1      list paging: an empty page with a token first
  --revocation              serve and advertise /oidc/v1/revoke (Databricks documents none)
  --no-root-storage         a metastore without root storage: CREATE CATALOG then needs MANAGED LOCATION
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
        'scale-tables': { type: 'string' },
        'scale-columns': { type: 'string' },
        revocation: { type: 'boolean' },
        'no-root-storage': { type: 'boolean' },
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
  const scaleTables = positiveInt(values['scale-tables'], '--scale-tables');
  const scaleColumns = positiveInt(values['scale-columns'], '--scale-columns');
  const catalogScale = { ...(scaleTables === undefined ? {} : { scaleTables }), ...(scaleColumns === undefined ? {} : { scaleColumns }) };
  return {
    json: values.json === true,
    help: values.help === true,
    options: {
      seed: seed as SeedName,
      port,
      ...(dataDir === undefined ? {} : { dataDir }),
      ...(faults === undefined ? {} : { faults }),
      ...(Object.keys(catalogScale).length === 0 ? {} : { catalogScale }),
      ...(values.revocation === true ? { oauth: { revocation: true } } : {}),
      ...(values['no-root-storage'] === true ? { metastoreRootStorage: false } : {}),
    },
  };
}

function positiveInt(text: string | boolean | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a whole number of at least 1`);
  return n;
}
