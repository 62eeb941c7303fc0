import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

/** bin/ucbridge.cjs, as users run it. */
export const CLI_BIN = resolve(__dirname, '../../bin/ucbridge.cjs');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the `ucbridge` CLI in a child Node process with stdin a pipe (not a terminal), a private HOME and
 * `~/.databrickscfg`, and only PATH plus `env` from outside: what a user's shell would give it, nothing of ours.
 */
export function spawnCli(args: readonly string[], home: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI_BIN, ...args], { env: { PATH: process.env.PATH, HOME: home, DATABRICKS_CONFIG_FILE: join(home, 'cfg'), ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdin.end();
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}
