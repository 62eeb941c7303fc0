/**
 * `npm run test:electron`: the one command a person with an Electron binary runs to confirm what machines without
 * one (like the ones this is developed on) can only check by reading. It runs the `_electron` e2e (e2e/electron*.spec.ts)
 * against the sources, then builds the unpacked `--dir` package with build/electron-builder.e2e.json (the release
 * configuration without fuses, stamped as the e2e build) and runs the same specs against it: only there are the
 * SQL driver's dynamic import, the native `.node` files and the asar what a user gets. Extra arguments go to
 * `playwright test`. Without a binary it prints one line and exits 0; on Linux without a display it reruns itself
 * under `xvfb-run -a` when that is installed, else prints one line and exits 0.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  NO_DISPLAY,
  NO_ELECTRON_BINARY,
  PACKAGED_ENV,
  findElectronDist,
  findUnpackedDir,
  lacksDisplay,
  realProbe,
} from '../e2e/support/electron-target';

const root = resolve(__dirname, '..');
const bin = (...parts: string[]) => join(root, 'node_modules', ...parts);

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): number {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.error) console.error(`test:electron: could not start ${command}: ${result.error.message}`);
  return result.status ?? 1;
}

const onPath = (command: string): boolean => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

function main(argv: readonly string[]): number {
  const probe = realProbe(root);
  const dist = findElectronDist(probe);
  if (!dist) return (console.log(NO_ELECTRON_BINARY), 0);
  if (lacksDisplay(probe)) {
    if (!onPath('xvfb-run')) return (console.log(NO_DISPLAY), 0);
    console.log('test:electron: no display, so running under xvfb-run -a');
    return run('xvfb-run', ['-a', process.execPath, bin('tsx', 'dist', 'cli.mjs'), __filename, ...argv]);
  }
  const playwright = [bin('@playwright', 'test', 'cli.js'), 'test', '--project', 'electron', ...argv];

  console.log('test:electron: 1/2 the desktop app from source');
  const fromSource = run(process.execPath, playwright);

  console.log('test:electron: 2/2 the unpacked --dir package (build/electron-builder.e2e.json)');
  // global-setup of the source run built out/ (main, preload, renderer): the package is made from it.
  const { version } = JSON.parse(readFileSync(bin('electron', 'package.json'), 'utf8')) as { version: string };
  const built = run(process.execPath, [
    bin('electron-builder', 'cli.js'),
    '--dir',
    '--config',
    'build/electron-builder.e2e.json',
    `-c.electronDist=${dist.dir}`,
    `-c.electronVersion=${version}`,
  ]);
  const unpacked = built === 0 ? findUnpackedDir(probe, join(root, 'dist', 'e2e')) : undefined;
  if (!unpacked) {
    console.error('test:electron: electron-builder --dir left no unpacked app in dist/e2e (see above)');
    return 1;
  }
  const fromPackage = run(process.execPath, playwright, { [PACKAGED_ENV]: unpacked });
  return fromSource === 0 && fromPackage === 0 ? 0 : 1;
}

process.exit(main(process.argv.slice(2)));
