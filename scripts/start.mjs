#!/usr/bin/env node
// `npm start`: build with electron-vite, then launch the desktop app. Finds the Electron binary the way
// node_modules/electron/index.js does, but never requires that module: without a binary it would start a
// download, and then throw (reference §0 F2).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const PLATFORM_PATHS = { darwin: 'Electron.app/Contents/MacOS/Electron', win32: 'electron.exe' };

/** The Electron executable on this machine, or undefined. */
export function findElectronBinary(env = process.env, platform = process.platform) {
  const pkgDir = join(root, 'node_modules', 'electron');
  const pathTxt = join(pkgDir, 'path.txt');
  const relative = existsSync(pathTxt) ? readFileSync(pathTxt, 'utf8').trim() : undefined;
  const candidates = env.ELECTRON_OVERRIDE_DIST_PATH
    ? [join(env.ELECTRON_OVERRIDE_DIST_PATH, relative ?? PLATFORM_PATHS[platform] ?? 'electron')]
    : relative
      ? [join(pkgDir, 'dist', relative)]
      : [];
  return candidates.find((candidate) => existsSync(candidate));
}

const NO_BINARY =
  'ucbridge: no Electron binary on this machine — run `npm run dev:browser` for the browser harness, ' +
  'or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron 45';

function main(argv) {
  const binary = findElectronBinary();
  if (!binary) {
    console.error(NO_BINARY);
    return process.exit(1);
  }
  if (argv.includes('--print-binary')) {
    console.log(binary);
    return process.exit(0);
  }
  const electronVite = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const build = spawnSync(process.execPath, [electronVite, 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('ucbridge: the build failed (see above), so the app was not started');
    return process.exit(build.status ?? 1);
  }
  const app = spawn(binary, [root, ...argv], { cwd: root, stdio: 'inherit' });
  app.once('error', (error) => {
    console.error(`ucbridge: could not start ${binary}: ${error.message}`);
    process.exit(1);
  });
  app.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
