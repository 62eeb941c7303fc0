import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the `_electron` e2e launches: the app from source (an Electron binary running out/main/index.js) or the
 * unpacked `--dir` package built with build/electron-builder.e2e.json (UCBRIDGE_E2E_PACKAGED names its folder) — the
 * only place the driver's dynamic import and the native `.node` files are what a user gets. Pure where it can be,
 * so scripts/electron-target.test.ts checks it in Node; this machine has no binary to launch either.
 */

export const PACKAGED_ENV = 'UCBRIDGE_E2E_PACKAGED';

export const NO_ELECTRON_BINARY =
  'skipped: no Electron binary (set ELECTRON_OVERRIDE_DIST_PATH to an Electron dist folder, or install the electron package with its download)';
export const NO_DISPLAY =
  'skipped: the desktop app needs a display and this Linux has none (no DISPLAY or WAYLAND_DISPLAY): run it under xvfb-run -a (npm run test:electron does when xvfb-run is installed)';

export interface Probe {
  readonly env: NodeJS.ProcessEnv;
  readonly platform: NodeJS.Platform;
  readonly repoRoot: string;
  readonly exists: (path: string) => boolean;
  readonly read: (path: string) => string;
  readonly list: (dir: string) => readonly string[];
}

export interface ElectronTarget {
  readonly kind: 'source' | 'package';
  readonly executablePath: string;
  /** The main script for a source run; a package starts its own. */
  readonly args: readonly string[];
}

export const realProbe = (repoRoot: string): Probe => ({
  env: process.env,
  platform: process.platform,
  repoRoot,
  exists: existsSync,
  read: (path) => readFileSync(path, 'utf8'),
  list: (dir) => (existsSync(dir) ? readdirSync(dir) : []),
});

/** Where the electron package keeps its executable inside a dist folder, as its own index.js/install.js say. */
function executableInDist(p: Probe): string {
  const pathTxt = join(p.repoRoot, 'node_modules', 'electron', 'path.txt');
  if (p.exists(pathTxt)) return p.read(pathTxt).trim();
  switch (p.platform) {
    case 'darwin':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'win32':
      return 'electron.exe';
    default:
      return 'electron';
  }
}

/**
 * The Electron dist folder (what electron-builder's `electronDist` takes) and its executable, found WITHOUT
 * `require('electron')`, which starts a download and throws here: ELECTRON_OVERRIDE_DIST_PATH, else an installed
 * node_modules/electron/dist.
 */
export function findElectronDist(p: Probe): { readonly dir: string; readonly executable: string } | undefined {
  const override = p.env.ELECTRON_OVERRIDE_DIST_PATH;
  const installed = p.exists(join(p.repoRoot, 'node_modules', 'electron', 'path.txt'));
  const dir = override || (installed ? join(p.repoRoot, 'node_modules', 'electron', 'dist') : undefined);
  if (dir === undefined) return undefined;
  const executable = join(dir, executableInDist(p));
  return p.exists(executable) ? { dir, executable } : undefined;
}

/** The executable inside an unpacked package: electron-builder renames Electron's to the productName / executableName. */
export function packagedExecutable(dir: string, platform: NodeJS.Platform): string {
  switch (platform) {
    case 'darwin':
      return join(dir, 'ucbridge.app', 'Contents', 'MacOS', 'ucbridge');
    case 'win32':
      return join(dir, 'ucbridge.exe');
    default:
      return join(dir, 'ucbridge');
  }
}

/** The folder `electron-builder --dir` leaves in its output: linux-unpacked, win-arm64-unpacked, mac, mac-arm64… */
export function findUnpackedDir(p: Probe, outputDir: string): string | undefined {
  const prefix = p.platform === 'darwin' ? 'mac' : p.platform === 'win32' ? 'win' : 'linux';
  const name = p.list(outputDir).find((entry) => entry.startsWith(prefix) && (prefix === 'mac' || entry.endsWith('-unpacked')));
  return name === undefined ? undefined : join(outputDir, name);
}

/**
 * The package when UCBRIDGE_E2E_PACKAGED is set (an error if it holds no app: a run asked for the package must not
 * quietly test the sources), else the sources through an Electron binary, else nothing (the run skips).
 */
export function findElectronTarget(p: Probe): ElectronTarget | undefined {
  const packaged = p.env[PACKAGED_ENV];
  if (packaged) {
    const executablePath = packagedExecutable(packaged, p.platform);
    if (!p.exists(executablePath)) {
      throw new Error(`${PACKAGED_ENV}=${packaged} holds no ucbridge executable (${executablePath}); build it with npm run test:electron`);
    }
    return { kind: 'package', executablePath, args: [] };
  }
  const dist = findElectronDist(p);
  return dist && { kind: 'source', executablePath: dist.executable, args: [join(p.repoRoot, 'out', 'main', 'index.js')] };
}

/** Electron on Linux opens an X11 or Wayland window; without a display it exits at once. */
export function lacksDisplay(p: Pick<Probe, 'env' | 'platform'>): boolean {
  return p.platform === 'linux' && !p.env.DISPLAY && !p.env.WAYLAND_DISPLAY;
}

/** Why the `_electron` project cannot run here (one line), or undefined when it can. */
export function electronSkipReason(p: Probe): string | undefined {
  if (!findElectronTarget(p)) return NO_ELECTRON_BINARY;
  return lacksDisplay(p) ? NO_DISPLAY : undefined;
}
