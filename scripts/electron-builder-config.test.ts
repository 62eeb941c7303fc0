import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTERNAL } from '../electron.vite.config';
import { ICNS_TYPES, pngSize } from './icon-containers.mjs';

const load = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
const release = await load('build/electron-builder.json');
const e2e = await load('build/electron-builder.e2e.json');
const pkg = (await load('package.json')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const schema = (await load('node_modules/app-builder-lib/scheme.json')) as {
  properties: Record<string, unknown>;
  definitions: Record<string, { properties?: Record<string, unknown> }>;
};

describe('build/electron-builder.json (release)', () => {
  it('flips every security fuse', () => {
    expect(release.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('ships only the build output and package.json, in an asar', () => {
    expect(release.files).toEqual(['out/**', 'package.json', '!**/*.map']);
    expect(release.asar).toBe(true);
  });

  it('keeps the SQL driver native modules unpacked', () => {
    expect(release.asarUnpack).toEqual(expect.arrayContaining(['**/*.node']));
  });

  it('targets AppImage and deb, dmg, nsis', () => {
    expect(release).toMatchObject({
      appId: expect.stringMatching(/^[a-z]+(\.[a-z]+)+$/),
      linux: { target: ['AppImage', 'deb'] },
      mac: { target: ['dmg'] },
      win: { target: ['nsis'] },
    });
  });

  it('uses only options electron-builder knows', () => {
    for (const key of Object.keys(release)) expect(schema.properties, key).toHaveProperty(key);
    const fuses = Object.keys(schema.definitions.FuseOptionsV1?.properties ?? {});
    for (const key of Object.keys(release.electronFuses as object)) expect(fuses, key).toContain(key);
  });
});

describe('the app icon set', () => {
  it('each platform points at a committed icon: the Linux PNG set, the ICNS, the ICO', async () => {
    expect(release).toMatchObject({ linux: { icon: 'build/icons' }, mac: { icon: 'build/icon.icns' }, win: { icon: 'build/icon.ico' } });
    const linux = await readdir('build/icons');
    // electron-builder names Linux icons by size (hicolor theme); 256 and 512 are the ones desktops pick.
    for (const size of [16, 32, 48, 64, 128, 256, 512]) expect(linux).toContain(`${size}x${size}.png`);
    for (const name of linux) {
      const size = Number(name.split('x')[0]);
      expect(pngSize(await readFile(join('build/icons', name))), name).toEqual({ width: size, height: size });
    }
    expect(pngSize(await readFile('build/icon.png'))).toEqual({ width: 1024, height: 1024 });
  });

  it('the ICO holds 16–256 px PNGs and the ICNS 16–1024 px, each where its directory says', async () => {
    const ico = await readFile('build/icon.ico');
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const icoSizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const entry = 6 + 16 * i;
      const png = ico.subarray(ico.readUInt32LE(entry + 12), ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8));
      const { width } = pngSize(png);
      expect(ico.readUInt8(entry) || 256).toBe(width);
      icoSizes.push(width);
    }
    expect(icoSizes).toEqual([16, 24, 32, 48, 64, 128, 256]);

    const icns = await readFile('build/icon.icns');
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const found: Record<string, number> = {};
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) {
      found[icns.toString('ascii', at, at + 4)] = pngSize(icns.subarray(at + 8, at + icns.readUInt32BE(at + 4))).width;
    }
    expect(found).toEqual(Object.fromEntries(Object.entries(ICNS_TYPES).map(([size, type]) => [type, Number(size)])));
  });
});

describe('build/electron-builder.e2e.json', () => {
  it('is the release configuration without fuses (Playwright needs --inspect), built elsewhere, stamped as the e2e build', () => {
    const { electronFuses: _fuses, directories: releaseDirs, ...rest } = release;
    const { directories: e2eDirs, extraMetadata, ...e2eRest } = e2e;
    expect(e2e).not.toHaveProperty('electronFuses');
    expect(e2eRest).toEqual(rest);
    expect(e2eDirs).toEqual({ ...(releaseDirs as object), output: 'dist/e2e' });
    // The stamp that lets the packaged e2e build expose the composed main under UCBRIDGE_E2E=1 (app-lifecycle.ts).
    expect(extraMetadata).toEqual({ ucbridgeE2eBuild: true });
  });

  it('the release build never carries that stamp', () => {
    expect(release).not.toHaveProperty('extraMetadata');
    expect(JSON.stringify(release)).not.toContain('ucbridgeE2eBuild');
  });
});

describe('what the package ships in node_modules', () => {
  // electron-builder copies the production dependency tree ("dependencies" and what they need) next to out/.
  it('only what main leaves external: the SQL driver and DuckDB (native files, the driver’s dynamic import)', () => {
    expect(Object.keys(pkg.dependencies).sort()).toEqual([...EXTERNAL].sort());
  });

  it('never the packages bundled into out/main (undici, zod, yaml) nor the harness’s ws', () => {
    for (const name of ['undici', 'zod', 'yaml', 'ws']) {
      expect(pkg.dependencies, name).not.toHaveProperty(name);
      expect(pkg.devDependencies, name).toHaveProperty(name);
    }
  });
});
