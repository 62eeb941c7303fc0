import { createServer, type Server } from 'node:https';
import tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { applyProcessCaTrust, type ProcessCaTrust } from './process-ca-trust';
import { createTestTls } from './self-signed.test-support';
import { connectionCas, createTlsTrust } from './tls-trust';

const company = createTestTls();
const sandbox = createTestTls();
const BUNDLED = '-----BEGIN CERTIFICATE-----\nbundled\n-----END CERTIFICATE-----';

/** The trust the desktop app has on Node 24 (process-wide), and the harness on Node 20 (per connection). */
const processWide: ProcessCaTrust = {
  processWide: true,
  fileCertificates: [company.caPem],
  assembly: { certificates: [BUNDLED, company.caPem], system: 0, bundled: 1, extra: 0, file: 1 },
};
const perConnection: ProcessCaTrust = { ...processWide, processWide: false };

describe('what each connection is told to trust', () => {
  it('nothing of its own when Node’s defaults are already right', () => {
    expect(connectionCas(undefined, undefined)).toEqual({ ca: undefined, driverExtraPem: undefined });
    expect(connectionCas(undefined, processWide)).toEqual({ ca: undefined, driverExtraPem: undefined });
  });

  it('the sandbox CA on top of the assembled defaults, for that workspace only', () => {
    expect(connectionCas(sandbox.caPem, processWide)).toEqual({ ca: [BUNDLED, company.caPem, sandbox.caPem], driverExtraPem: sandbox.caPem });
  });

  it('where Node’s default list could not take the file, every connection and the SQL driver add it', () => {
    expect(connectionCas(undefined, perConnection)).toEqual({ ca: [BUNDLED, company.caPem], driverExtraPem: company.caPem });
    expect(connectionCas(sandbox.caPem, perConnection)).toEqual({
      ca: [BUNDLED, company.caPem, sandbox.caPem],
      driverExtraPem: `${company.caPem}\n${sandbox.caPem}`,
    });
  });
});

describe('a workspace behind a private CA, over a real TLS handshake', () => {
  let server: Server;
  let origin: string;
  beforeAll(async () => {
    server = createServer({ cert: company.certPem, key: company.keyPem }, (_req, res) => res.end('through the proxy'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  const get = async (trust: ReturnType<typeof createTlsTrust>) => {
    try {
      const res = await trust.dispatcher.request({ origin, path: '/', method: 'GET' });
      return await res.body.text();
    } catch (error) {
      return (error as { code?: string }).code ?? String(error);
    } finally {
      await trust.close();
    }
  };

  it('is refused without the CA certificate file, and reached with it (this Node: added per connection)', async () => {
    expect(await get(createTlsTrust(undefined, undefined))).toMatch(/CERT|SIGNATURE|ISSUER/);
    const trust = applyProcessCaTrust([company.caPem]);
    expect(await get(createTlsTrust())).toBe('through the proxy');
    // The sandbox's own CA does not push the company CA out.
    expect(await get(createTlsTrust(sandbox.caPem))).toBe('through the proxy');
    expect(trust.assembly.file).toBe(1);
  });

  it('builds the secure context (all those roots) once, not once per connection', async () => {
    const trust = createTlsTrust(company.caPem, undefined);
    const slow = createServer({ cert: company.certPem, key: company.keyPem }, (_req, res) => setTimeout(() => res.end('ok'), 50));
    await new Promise<void>((r) => slow.listen(0, '127.0.0.1', r));
    const slowOrigin = `https://127.0.0.1:${(slow.address() as AddressInfo).port}`;
    const built = vi.spyOn(tls, 'createSecureContext');
    try {
      // Four requests at once: the agent opens several connections.
      const bodies = await Promise.all([1, 2, 3, 4].map(async () => (await trust.dispatcher.request({ origin: slowOrigin, path: '/', method: 'GET' })).body.text()));
      slow.closeAllConnections();
      await new Promise((r) => slow.close(r));
      expect(bodies).toEqual(['ok', 'ok', 'ok', 'ok']);
      expect(built).not.toHaveBeenCalled();
    } finally {
      built.mockRestore();
      await trust.close();
    }
  });
});
