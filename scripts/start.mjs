#!/usr/bin/env node
// `npm start`: where an Electron binary exists, build with electron-vite and launch the desktop app. Where none
// does (a machine that never downloaded it, a server, CI), run the same app in the browser instead: the browser
// harness (electron/harness/dev.ts) serves it on 127.0.0.1, opens the system browser on a one-time address, and
// prints one line saying so — or the address to open by hand. The binary is found the way
// node_modules/electron/index.js does, without requiring that module: without a binary it would start a download,
// and then throw.
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

/**
 * Runs a child on this terminal and ends with its exit code. Ctrl+C reaches the child from the terminal itself (same
 * process group), so here it is only waited out; a SIGTERM sent to this process is passed on.
 */
function runToEnd(command, args, what) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.once('error', (error) => {
    console.error(`ucbridge: could not start ${what}: ${error.message}`);
    process.exit(1);
  });
  child.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function inBrowser(argv) {
  const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  runToEnd(process.execPath, [tsx, join(root, 'electron', 'harness', 'dev.ts'), '--why=no-electron', ...argv], 'the browser harness');
}

function desktop(binary, argv) {
  const electronVite = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const build = spawnSync(process.execPath, [electronVite, 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('ucbridge: the build failed (see above), so the app was not started');
    return process.exit(build.status ?? 1);
  }
  runToEnd(binary, [root, ...argv], binary);
}

function main(argv) {
  const binary = findElectronBinary();
  if (argv.includes('--print-binary')) {
    console.log(binary ?? '');
    return process.exit(binary ? 0 : 1);
  }
  return binary ? desktop(binary, argv) : inBrowser(argv);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
