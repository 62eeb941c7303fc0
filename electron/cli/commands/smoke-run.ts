import { writeFile } from 'node:fs/promises';
import { AppFailure } from '../../../shared/result';
import { runSmoke } from '../../services/smoke/run-smoke';
import { formatSmokeTable } from '../../services/smoke/smoke-format';
import type { CommandContext } from '../command';
import type { CliConnection } from '../cli-connect';
const usage = (message: string) => new AppFailure({ code: 'BAD_REQUEST', message });

/** `ucbridge smoke [--warehouse ID] [--report FILE] [--json]`: exit 0 when nothing failed, 1 otherwise. */
export async function smoke(ctx: CommandContext & { readonly connection: CliConnection }): Promise<number> {
  const { args, io, connection } = ctx;
  const warehouse = args.flags.warehouse;
  const reportPath = args.flags.report;
  if (warehouse !== undefined && (typeof warehouse !== 'string' || !/^[\w-]+$/.test(warehouse))) throw usage('--warehouse takes a SQL warehouse id (letters, digits, - and _).');
  if (reportPath !== undefined && typeof reportPath !== 'string') throw usage('--report takes a file name.');
  const report = await runSmoke({
    connection: connection.connection,
    ...(typeof warehouse === 'string' ? { warehouseId: warehouse } : {}),
    signal: io.signal,
    now: () => Date.now(),
  });
  const json = JSON.stringify(report, null, 2);
  if (typeof reportPath === 'string') {
    await writeFile(reportPath, `${json}\n`).catch((e: unknown) => {
      throw new AppFailure({ code: 'BAD_REQUEST', message: `Cannot write the report to ${reportPath}: ${(e as Error).message}`, hint: 'Choose another --report file.' });
    });
  }
  if (args.flags.json === true) io.stdout(json);
  else io.stdout(`${formatSmokeTable(report)}\n\nJSON report (no secrets; attach it to a bug report)${typeof reportPath === 'string' ? `, also in ${reportPath}` : ''}:\n${json}`);
  return report.summary.fail + report.summary.error > 0 ? 1 : 0;
}
