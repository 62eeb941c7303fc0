import { parseCliArgs, USAGE, UsageError } from './cli-args';
import { FaultSpecError } from './faults/fault-spec';
import { DataDirError } from './persistence/data-dir';
import { startEmulator } from './start';
import { describeSandbox } from './startup/describe';

/** `npm run emulator`: runs the sandbox until SIGINT/SIGTERM. With --json, stdout's first line is the sandbox info. */
async function main(): Promise<void> {
  const args = parseCliArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const log = (line: string): void => {
    process.stderr.write(`${line}\n`);
  };
  const emulator = await startEmulator({ ...args.options, log });
  if (args.json) process.stdout.write(`${JSON.stringify(emulator.info)}\n`);
  else process.stdout.write(`${describeSandbox(emulator.info)}\n`);
  log(`sandbox listening on ${emulator.workspaceUrl} (Ctrl-C to stop)`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log(`sandbox stopping (${signal})`);
    emulator.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log(`sandbox did not stop cleanly: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  const known = error instanceof UsageError || error instanceof FaultSpecError || error instanceof DataDirError;
  process.stderr.write(`${known ? (error as Error).message : `sandbox failed to start: ${String(error)}`}\n`);
  if (error instanceof UsageError) process.stderr.write(`${USAGE}\n`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
