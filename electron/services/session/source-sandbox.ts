import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import type { SandboxDetails, SandboxLauncher } from './sandbox-launcher';

/**
 * The "Local sandbox" for the desktop app run from a source checkout (`npm start`). Its main process is a bundle
 * and cannot load the emulator's TypeScript or its dev dependencies, so the sandbox runs beside it as a child
 * process — `node --import tsx emulator/cli.ts --json`, whose first stdout line describes it — and stops with the
 * app. A packaged app has no checkout next to it, and so no sandbox.
 */
const InfoSchema = z.object({
  workspaceUrl: z.string(),
  caCertPath: z.string(),
  accountId: z.string(),
  oauth: z.object({ u2mClientId: z.string(), redirectUris: z.array(z.string()) }),
  users: z.array(z.object({ userName: z.string(), displayName: z.string(), password: z.string(), admin: z.boolean() })),
});

const START_TIMEOUT_MS = 60_000;

export function sourceSandbox(repoRoot: string, node = process.env.UCBRIDGE_NODE ?? 'node'): SandboxLauncher | undefined {
  if (!existsSync(join(repoRoot, 'emulator', 'cli.ts')) || !existsSync(join(repoRoot, 'node_modules', 'tsx'))) return undefined;
  let child: ChildProcess | undefined;
  let starting: Promise<SandboxDetails> | undefined;
  let details: SandboxDetails | undefined;

  function start(): Promise<SandboxDetails> {
    return new Promise((resolve, reject) => {
      const proc = spawn(node, ['--import', 'tsx', join('emulator', 'cli.ts'), '--json'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
      child = proc;
      let stderr = '';
      proc.stderr?.on('data', (c: Buffer) => void (stderr = (stderr + c.toString()).slice(-2000)));
      const timer = setTimeout(() => reject(new Error('the sandbox did not start within a minute')), START_TIMEOUT_MS);
      proc.once('error', (e) => (clearTimeout(timer), reject(e)));
      proc.once('exit', (code) => {
        clearTimeout(timer);
        child = undefined;
        details = undefined;
        reject(new Error(`the sandbox exited (${code ?? 'signal'}): ${stderr.trim().split('\n').at(-1) ?? ''}`));
      });
      createInterface({ input: proc.stdout! }).once('line', (line) => {
        clearTimeout(timer);
        const info = InfoSchema.safeParse(JSON.parse(line));
        if (!info.success) return reject(new Error('the sandbox described itself in an unexpected shape'));
        const i = info.data;
        void readFile(i.caCertPath, 'utf8').then(
          (caPem) => resolve({ url: i.workspaceUrl, caPem, accountId: i.accountId, clientId: i.oauth.u2mClientId, redirectUris: i.oauth.redirectUris, demoUsers: i.users.map((u) => ({ userName: u.userName, displayName: u.displayName, password: u.password, admin: u.admin })) }),
          reject,
        );
      });
    });
  }

  return {
    async start() {
      starting ??= start();
      starting.catch(() => (starting = undefined));
      details = await starting;
      return details;
    },
    running: () => details,
    async stop() {
      const proc = child;
      starting = undefined;
      details = undefined;
      if (!proc || proc.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      });
    },
  };
}
