import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { EXTERNAL } from '../electron.vite.config';

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

describe('build/electron-builder.e2e.json', () => {
  it('is the release configuration without fuses (Playwright needs --inspect), built elsewhere', () => {
    const { electronFuses: _fuses, directories: releaseDirs, ...rest } = release;
    const { directories: e2eDirs, ...e2eRest } = e2e;
    expect(e2e).not.toHaveProperty('electronFuses');
    expect(e2eRest).toEqual(rest);
    expect(e2eDirs).toEqual({ ...(releaseDirs as object), output: 'dist/e2e' });
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
