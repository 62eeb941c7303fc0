import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareTls } from './tls-files';

function handshake(port: number, ca: string, servername?: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port, ca, ...(servername ? { servername } : {}) }, () => {
      resolve(socket.authorized ? 'ok' : String(socket.authorizationError));
      socket.end();
    });
    socket.on('error', (e) => resolve(e.message));
  });
}

describe('sandbox TLS', () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('issues a server certificate for 127.0.0.1 and localhost that verifies against the CA only', async () => {
    const tls = await prepareTls();
    const cert = new X509Certificate(tls.server.certPem);
    expect(cert.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(cert.subjectAltName).toContain('DNS:localhost');
    const ca = new X509Certificate(tls.caCertPem);
    expect(cert.verify(ca.publicKey)).toBe(true);
    // Both signatures are made natively (certificates.ts nativeSigner): the CA's own must verify too.
    expect(ca.verify(ca.publicKey)).toBe(true);
    expect(ca.ca).toBe(true);
    expect(cert.checkIssued(ca)).toBe(true);
    expect(readFileSync(tls.caCertPath, 'utf8')).toBe(tls.caCertPem);

    const server = createServer({ key: tls.server.keyPem, cert: tls.server.certPem }, (_q, s) => s.end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    expect(await handshake(port, tls.caCertPem)).toBe('ok');
    expect(await handshake(port, tls.caCertPem, 'localhost')).toBe('ok');
    const other = await prepareTls();
    expect(await handshake(port, other.caCertPem)).not.toBe('ok');
    server.close();
    await tls.dispose();
    await other.dispose();
    expect(existsSync(tls.caCertPath)).toBe(false);
  });

  it('keeps the CA in a data dir across restarts', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'tls-test-'));
    dirs.push(dataDir);
    const first = await prepareTls(dataDir);
    const second = await prepareTls(dataDir);
    expect(second.caCertPem).toBe(first.caCertPem);
    expect(second.server.certPem).not.toBe(first.server.certPem);
    expect(existsSync(join(dataDir, 'tls', 'ca-key.pem'))).toBe(true);
  });
});
