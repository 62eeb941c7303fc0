import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../emulator/start';
import { sandboxQuery } from '../services/integration/observe/sandbox-sql.test-support';
import { runCliProcess, type CliRun } from './cli.test-support';

/**
 * One sandbox and one home folder for a CLI test file, as a user would set them up: an admin's token in the
 * environment, the sandbox CA trusted through NODE_EXTRA_CA_CERTS, and an `integration.json` for the sandbox.
 */
export interface CliSandbox {
  readonly home: string;
  readonly emulator: RunningEmulator;
  /** What every CLI run gets besides HOME and DATABRICKS_CONFIG_FILE. */
  readonly env: NodeJS.ProcessEnv;
  /** The path of `integration.json`. */
  readonly config: string;
  /** `node bin/ucbridge.cjs ARGS` with this sandbox's environment (stdin not a terminal). */
  cli(args: readonly string[]): Promise<CliRun>;
  /** The environment `cli` uses, for runs on a terminal. */
  cliEnv(): NodeJS.ProcessEnv;
  /** Writes a file in the home folder (objects as JSON) and returns its path. */
  file(name: string, content: unknown): Promise<string>;
  /** A statement as the sandbox's admin, through the real driver. */
  adminSql(sql: string): ReturnType<typeof sandboxQuery>;
  close(): Promise<void>;
}

/** The integration settings the CLI tests use: the sandbox's first warehouse, catalog `ucbridge`, governing `main`. */
export const sandboxIntegrationJson = (emulator: RunningEmulator) => ({
  workspaceUrl: emulator.workspaceUrl,
  httpPath: emulator.warehouses[0]!.httpPath,
  catalog: 'ucbridge',
  audit: { enabled: false },
  servicePrincipal: { applicationId: emulator.servicePrincipals.find((s) => !s.admin)!.applicationId },
  governedCatalogs: ['main'],
});

export async function startCliSandbox(prefix: string): Promise<CliSandbox> {
  const home = await mkdtemp(join(tmpdir(), prefix));
  const emulator = await startEmulator({ log: () => undefined });
  const admin = emulator.users.find((u) => u.admin)!;
  const env = { NODE_EXTRA_CA_CERTS: emulator.caCertPath, DATABRICKS_TOKEN: admin.token };
  const cliEnv = (): NodeJS.ProcessEnv => ({ HOME: home, DATABRICKS_CONFIG_FILE: join(home, 'cfg'), ...env });
  const file = async (name: string, content: unknown): Promise<string> => {
    const path = join(home, name);
    await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };
  const config = await file('integration.json', sandboxIntegrationJson(emulator));
  return {
    home,
    emulator,
    env,
    config,
    cli: (args) => runCliProcess(args, cliEnv()),
    cliEnv,
    file,
    adminSql: (sql) => sandboxQuery(emulator, admin.userName, home, sql),
    async close() {
      await emulator.stop();
      await rm(home, { recursive: true, force: true });
    },
  };
}
