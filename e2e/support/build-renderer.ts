import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './environment';

/** `vite build` with the repo's renderer config, into out/renderer (what the harness serves). */
export async function buildRenderer(): Promise<void> {
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
  const { build } = await import('vite');
  await build({ configFile: join(REPO_ROOT, 'vite.config.ts'), logLevel: 'warn' });
}

/** main, preload and renderer into out/ (electron-vite), for the `_electron` run. */
export function buildElectronApp(): void {
  execFileSync(process.execPath, [join(REPO_ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
}
