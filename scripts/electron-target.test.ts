import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  NO_DISPLAY,
  NO_ELECTRON_BINARY,
  electronSkipReason,
  findElectronDist,
  findElectronTarget,
  findUnpackedDir,
  lacksDisplay,
  packagedExecutable,
  type Probe,
} from '../e2e/support/electron-target';

// What the `_electron` e2e launches (e2e/support/electron-target.ts), against a made-up file system: this machine
// has neither an Electron binary nor a package to launch.
const probe = (over: Partial<Probe> & { files?: Record<string, string>; dirs?: Record<string, string[]> } = {}): Probe => {
  const files = over.files ?? {};
  return {
    env: over.env ?? { DISPLAY: ':0' },
    platform: over.platform ?? 'linux',
    repoRoot: '/repo',
    exists: (path) => path in files,
    read: (path) => files[path] ?? '',
    list: (dir) => over.dirs?.[dir] ?? [],
  };
};

const PATH_TXT = '/repo/node_modules/electron/path.txt';

describe('the Electron binary, found without require("electron")', () => {
  it('none: the e2e skips with one line saying how to get one', () => {
    expect(findElectronDist(probe())).toBeUndefined();
    expect(findElectronTarget(probe())).toBeUndefined();
    expect(electronSkipReason(probe())).toBe(NO_ELECTRON_BINARY);
    expect(NO_ELECTRON_BINARY).toMatch(/^skipped: no Electron binary \(set ELECTRON_OVERRIDE_DIST_PATH/);
  });

  it('the installed electron package: its dist and the executable path.txt names; the sources run through it', () => {
    const p = probe({ files: { [PATH_TXT]: 'electron\n', '/repo/node_modules/electron/dist/electron': '' } });
    expect(findElectronDist(p)).toEqual({ dir: '/repo/node_modules/electron/dist', executable: '/repo/node_modules/electron/dist/electron' });
    expect(findElectronTarget(p)).toEqual({
      kind: 'source',
      executablePath: '/repo/node_modules/electron/dist/electron',
      args: [join('/repo', 'out', 'main', 'index.js')],
    });
    expect(electronSkipReason(p)).toBeUndefined();
  });

  it('ELECTRON_OVERRIDE_DIST_PATH wins, with the platform’s executable name when there is no path.txt', () => {
    const p = probe({
      platform: 'darwin',
      env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' },
      files: { '/opt/electron/Electron.app/Contents/MacOS/Electron': '' },
    });
    expect(findElectronDist(p)).toEqual({ dir: '/opt/electron', executable: '/opt/electron/Electron.app/Contents/MacOS/Electron' });
    expect(findElectronDist(probe({ env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/empty' } }))).toBeUndefined();
  });
});

describe('the unpacked --dir package (UCBRIDGE_E2E_PACKAGED)', () => {
  it('is launched by the executable electron-builder named after the product, with no main script', () => {
    expect(packagedExecutable('/d', 'linux')).toBe('/d/ucbridge');
    expect(packagedExecutable('/d', 'win32')).toBe('/d/ucbridge.exe');
    expect(packagedExecutable('/d', 'darwin')).toBe('/d/ucbridge.app/Contents/MacOS/ucbridge');
    const p = probe({ env: { DISPLAY: ':0', UCBRIDGE_E2E_PACKAGED: '/repo/dist/e2e/linux-unpacked' }, files: { '/repo/dist/e2e/linux-unpacked/ucbridge': '' } });
    expect(findElectronTarget(p)).toEqual({ kind: 'package', executablePath: '/repo/dist/e2e/linux-unpacked/ucbridge', args: [] });
  });

  it('named but missing is an error, never a quiet run of the sources instead', () => {
    const p = probe({ env: { UCBRIDGE_E2E_PACKAGED: '/nowhere' }, files: { [PATH_TXT]: 'electron', '/repo/node_modules/electron/dist/electron': '' } });
    expect(() => findElectronTarget(p)).toThrow(/UCBRIDGE_E2E_PACKAGED=\/nowhere holds no ucbridge executable/);
  });

  it('is found in electron-builder’s output folder for this platform', () => {
    const dirs = { '/out': ['builder-debug.yml', 'win-unpacked', 'linux-arm64-unpacked', 'mac-arm64'] };
    expect(findUnpackedDir(probe({ dirs }), '/out')).toBe('/out/linux-arm64-unpacked');
    expect(findUnpackedDir(probe({ dirs, platform: 'win32' }), '/out')).toBe('/out/win-unpacked');
    expect(findUnpackedDir(probe({ dirs, platform: 'darwin' }), '/out')).toBe('/out/mac-arm64');
    expect(findUnpackedDir(probe(), '/out')).toBeUndefined();
  });
});

describe('a display', () => {
  const withBinary = { files: { [PATH_TXT]: 'electron', '/repo/node_modules/electron/dist/electron': '' } };

  it('Linux without DISPLAY or WAYLAND_DISPLAY skips with one line naming xvfb-run', () => {
    expect(lacksDisplay({ platform: 'linux', env: {} })).toBe(true);
    expect(electronSkipReason(probe({ ...withBinary, env: {} }))).toBe(NO_DISPLAY);
    expect(NO_DISPLAY).toMatch(/^skipped: .*xvfb-run -a/);
    expect(NO_DISPLAY).not.toContain('\n');
  });

  it('X11 or Wayland is enough, and macOS and Windows always have one', () => {
    expect(lacksDisplay({ platform: 'linux', env: { DISPLAY: ':99' } })).toBe(false);
    expect(lacksDisplay({ platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' } })).toBe(false);
    expect(lacksDisplay({ platform: 'darwin', env: {} })).toBe(false);
    expect(lacksDisplay({ platform: 'win32', env: {} })).toBe(false);
    expect(electronSkipReason(probe({ ...withBinary, platform: 'darwin', env: {} }))).toBeUndefined();
  });
});
