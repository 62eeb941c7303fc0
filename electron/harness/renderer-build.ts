import { spawn } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** What the built renderer depends on: if any of it is newer than `out/renderer/index.html`, rebuild. */
export const RENDERER_SOURCES: readonly string[] = ['renderer', 'shared', 'vite.config.ts', 'package.json'];

async function newestMtime(path: string): Promise<number> {
  let info;
  try {
    info = await stat(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, await newestMtime(join(path, entry)));
  }
  return newest;
}

export async function isRendererStale(repoRoot: string, rendererDir: string): Promise<boolean> {
  let built: number;
  try {
    built = (await stat(join(rendererDir, 'index.html'))).mtimeMs;
  } catch {
    return true;
  }
  for (const source of RENDERER_SOURCES) if ((await newestMtime(join(repoRoot, source))) > built) return true;
  return false;
}

/** `vite build` with the root `vite.config.ts`; only its warnings and errors reach this terminal. */
export function buildRenderer(repoRoot: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: repoRoot,
      // Vite's notice about its future config loader is for whoever maintains vite.config.ts, not for `npm start`.
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
      stdio: 'inherit',
    });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build exited with code ${code}`))));
  });
}
