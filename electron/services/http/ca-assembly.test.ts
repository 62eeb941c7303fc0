import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as nodeTls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleCaTrust, pemCertificates, type TlsCaApi } from './ca-assembly';
import { createTestTls } from './self-signed.test-support';

// The assembly follows the Node docs: getCACertificates('system' | 'bundled' | 'extra') and
// setDefaultCACertificates (https://nodejs.org/api/tls.html#tlsgetcacertificatestype). Electron 45 runs Node 24,
// which has both; these tests run on Node 20, which has neither, so both shapes are exercised.
const [systemCa, bundledCa, extraCa, fileCa] = [createTestTls(), createTestTls(), createTestTls(), createTestTls()].map((t) => t.caPem.trim());

/** Node 24's tls as far as the assembly reads it, with a known store per kind. */
const node24 = (system: string[]): TlsCaApi => ({
  rootCertificates: [bundledCa!],
  getCACertificates: (type) => ({ default: [bundledCa!], system, bundled: [bundledCa!], extra: [extraCa!] })[type],
  setDefaultCACertificates: () => undefined,
});

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ucbridge-ca-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('CA trust assembly', () => {
  it('where Node reads the OS store: system + bundled + NODE_EXTRA_CA_CERTS + the chosen file, in that order', () => {
    const assembly = assembleCaTrust(node24([systemCa!]), [fileCa!], {});
    expect(assembly.certificates).toEqual([systemCa, bundledCa, extraCa, fileCa]);
    expect(assembly).toMatchObject({ system: 1, bundled: 1, extra: 1, file: 1 });
  });

  it('a CA found in two places is trusted once', () => {
    const assembly = assembleCaTrust(node24([systemCa!, bundledCa!]), [systemCa!], {});
    expect(assembly.certificates).toEqual([systemCa, bundledCa, extraCa]);
    expect(assembly.system).toBe(2);
  });

  it('an OS store that cannot be read counts as unavailable, the rest still applies', () => {
    const failing: TlsCaApi = {
      ...node24([]),
      getCACertificates: (type) => {
        if (type === 'system') throw new Error('keychain locked');
        return node24([]).getCACertificates!(type);
      },
    };
    const assembly = assembleCaTrust(failing, [fileCa!], {});
    expect(assembly.system).toBe('unavailable');
    expect(assembly.certificates).toEqual([bundledCa, extraCa, fileCa]);
  });

  it('on this Node (20, no getCACertificates): bundled roots + NODE_EXTRA_CA_CERTS read by hand + the file', async () => {
    const extraFile = join(dir, 'extra.pem');
    await writeFile(extraFile, `${extraCa}\n${systemCa}\n`);
    const api: TlsCaApi = { rootCertificates: nodeTls.rootCertificates };
    const assembly = assembleCaTrust(api, [fileCa!], { NODE_EXTRA_CA_CERTS: extraFile });
    expect(assembly.system).toBe('unavailable');
    expect(assembly.bundled).toBe(nodeTls.rootCertificates.length);
    expect(assembly.extra).toBe(2);
    expect(assembly.certificates.slice(-3)).toEqual([extraCa, systemCa, fileCa]);
    expect(assembleCaTrust(api, [], { NODE_EXTRA_CA_CERTS: join(dir, 'missing.pem') }).extra).toBe(0);
  });

  it('the real node:tls of the running Node is detected, not assumed', () => {
    const assembly = assembleCaTrust(nodeTls as TlsCaApi, [], {});
    const hasSystem = typeof (nodeTls as TlsCaApi).getCACertificates === 'function';
    expect(assembly.system === 'unavailable').toBe(!hasSystem);
    expect(assembly.bundled).toBe(nodeTls.rootCertificates.length);
  });

  it('splits a PEM bundle into its certificates', () => {
    expect(pemCertificates(`junk\n${systemCa}\nmore junk\n${fileCa}`)).toEqual([systemCa!.trim(), fileCa!.trim()]);
    expect(pemCertificates('no certificate here')).toEqual([]);
  });
});
