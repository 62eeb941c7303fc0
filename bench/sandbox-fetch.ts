import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { DBSQLClient, DBSQLLogger, LogLevel } from '@databricks/sql';
import { createCatalogSide, RESULT_FORMAT_CONF } from '../emulator/catalog';
import { startEmulator } from '../emulator/start';
import { report, round } from './lib/report';

/**
 * `npm run bench -- sandbox-fetch`: the sandbox SQL warehouse's fetch rate through the real `@databricks/sql`
 * driver, reading all of `system.information_schema.columns` at the `large` seed (100,000 tables × 20 columns
 * by default: two million rows) as the metastore admin, with the emulator in its own process. The query selects
 * the columns a metadata crawl reads. Target: ≥ 150,000 rows/s (product.md "Targets").
 *
 * The headline `rowsPerSecond` uses column-based results (COLUMN_BASED_SET); `arrowRowsPerSecond` repeats the
 * fetch with Arrow results, what a warehouse sends by default. With Arrow the driver's own per-cell conversion
 * (ArrowResultConverter) bounds the rate below the target whatever the server does (reference
 * sql-driver-thrift-protocol.md §4: 77k–146k rows/s for three columns), so both are reported.
 *
 * Options: `--scale-tables N --scale-columns M` (seed size), `--all-columns` (SELECT *).
 */
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
};
const SCALE_TABLES = Number(arg('--scale-tables') ?? 100_000);
const SCALE_COLUMNS = Number(arg('--scale-columns') ?? 20);
const CRAWL_COLUMNS = 'table_catalog, table_schema, table_name, column_name, ordinal_position, full_data_type, is_nullable, comment';
const SQL = `SELECT ${process.argv.includes('--all-columns') ? '*' : CRAWL_COLUMNS} FROM system.information_schema.columns`;

interface ServeInfo {
  readonly port: number;
  readonly ca: string;
  readonly token: string;
  readonly httpPath: string;
  readonly seedSeconds: number;
}

/** Child mode: run the sandbox with the large seed until stdin closes; the first stdout line says how to reach it. */
async function serve(): Promise<void> {
  const started = performance.now();
  const emu = await startEmulator({
    seed: 'large',
    catalogSide: createCatalogSide({ scaleTables: SCALE_TABLES, scaleColumns: SCALE_COLUMNS }),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  const info: ServeInfo = {
    port: Number(new URL(emu.workspaceUrl).port),
    ca: emu.caCertPem,
    token: emu.users.find((u) => u.admin)!.token,
    httpPath: emu.warehouses.find((w) => w.state === 'RUNNING')!.httpPath,
    seedSeconds: round((performance.now() - started) / 1000, 2),
  };
  process.stdout.write(`${JSON.stringify(info)}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => void emu.stop().then(() => process.exit(0)));
}

/** Peak resident set of a process (Linux VmHWM), in MB. */
function peakRssMB(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? round(Number(match[1]) / 1024, 0) : NaN;
}

async function main(): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve', ...process.argv.slice(2)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const info = await new Promise<ServeInfo>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => resolve(JSON.parse(line) as ServeInfo));
    child.once('exit', (code) => reject(new Error(`the sandbox exited with code ${code}`)));
  });
  const client = new DBSQLClient({ logger: new DBSQLLogger({ level: LogLevel.error }) });
  try {
    await client.connect({ host: '127.0.0.1', port: info.port, path: info.httpPath, token: info.token, customCaCert: info.ca, telemetryEnabled: false, userAgentEntry: 'ucbridge-bench/0.1' });
    const columns = await fetchAll(client, 'columns');
    const arrow = await fetchAll(client, 'arrow');
    report({
      bench: 'sandbox-fetch',
      rows: columns.rows,
      rowsPerSecond: columns.rowsPerSecond,
      seconds: columns.seconds,
      arrowRowsPerSecond: arrow.rowsPerSecond,
      emulatorPeakRssMB: peakRssMB(child.pid!),
      seedSeconds: info.seedSeconds,
      targets: { rowsPerSecond: { min: 150_000 } },
    });
  } finally {
    await client.close().catch(() => undefined);
    child.stdin!.end();
  }
}

/** One full read of the query in a session with the given result format, chunk by chunk as a crawler reads. */
async function fetchAll(client: DBSQLClient, format: 'columns' | 'arrow'): Promise<{ rows: number; rowsPerSecond: number; seconds: number }> {
  const session = await client.openSession({ configuration: { [RESULT_FORMAT_CONF]: format } });
  await (await session.executeStatement('SELECT count(*) FROM system.information_schema.catalogs')).fetchAll();
  const started = performance.now();
  const op = await session.executeStatement(SQL);
  let rows = 0;
  // The client never holds the whole result: two million rows stream through in pages.
  do rows += (await op.fetchChunk({ maxRows: 100_000 })).length;
  while (await op.hasMoreRows());
  const seconds = (performance.now() - started) / 1000;
  await op.close();
  await session.close();
  console.log(`${format}: ${rows} rows in ${round(seconds, 2)} s`);
  return { rows, rowsPerSecond: Math.round(rows / seconds), seconds: round(seconds, 2) };
}

if (process.argv.includes('--serve')) void serve();
else void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
