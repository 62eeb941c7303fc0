import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';

/** How a benchmark process reaches a sandbox running in a child process. */
export interface SandboxTarget {
  readonly url: string;
  readonly host: string;
  readonly token: string;
  readonly httpPath: string;
  readonly caPath: string;
  readonly metastoreId: string;
  readonly seedSeconds: number;
}

/**
 * Child mode (`--serve-sandbox`): the sandbox with the `large` seed at the given scale and a per-request latency
 * (REST and SQL alike), until stdin closes; the first stdout line says how to reach it.
 */
export async function serveLargeSandbox(o: { readonly tables: number; readonly columns: number; readonly latencyMs: number; readonly caPath: string }): Promise<void> {
  // Loaded here, not at the top: processes that only connect to the sandbox must not carry it in their memory.
  const [{ createCatalogSide }, { startEmulator }] = await Promise.all([import('../../emulator/catalog'), import('../../emulator/start')]);
  const started = performance.now();
  const emu = await startEmulator({
    seed: 'large',
    catalogSide: createCatalogSide({ scaleTables: o.tables, scaleColumns: o.columns }),
    faults: { latencyMs: o.latencyMs },
    log: (line) => process.stderr.write(`${line}\n`),
  });
  await writeFile(o.caPath, emu.caCertPem);
  const target: SandboxTarget = {
    url: emu.workspaceUrl,
    host: new URL(emu.workspaceUrl).host,
    token: emu.users.find((u) => u.admin)!.token,
    httpPath: emu.warehouses.find((w) => w.state === 'RUNNING')!.httpPath,
    caPath: o.caPath,
    metastoreId: emu.sandbox.metastoreId,
    seedSeconds: Math.round((performance.now() - started) / 100) / 10,
  };
  process.stdout.write(`${JSON.stringify(target)}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => void emu.stop().then(() => process.exit(0)));
}

/**
 * Runs `script` with `args` in a child process and resolves with its first stdout line, parsed. TypeScript runs
 * under tsx; a bundle (`.cjs`) runs as plain Node.
 */
export function spawnJson<T>(script: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): { child: ChildProcess; first: Promise<T> } {
  const loader = script.endsWith('.cjs') ? [] : ['--import', 'tsx'];
  const child = spawn(process.execPath, [...loader, script, ...args], { stdio: ['pipe', 'pipe', 'inherit'], env });
  const first = new Promise<T>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => resolve(JSON.parse(line) as T));
    child.once('exit', (code) => reject(new Error(`${script} ${args.join(' ')} exited with code ${code}`)));
  });
  return { child, first };
}

export { peakRssMB } from './peak-rss';
