import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCertificateAuthority, createServerCertificate, type KeyAndCert } from './certificates';

export interface SandboxTls {
  /** PEM file clients trust (NODE_EXTRA_CA_CERTS, undici `connect.ca`, the SQL driver's customCaCert). */
  readonly caCertPath: string;
  readonly caCertPem: string;
  readonly server: KeyAndCert;
  /** Removes the temp directory when there is no data dir; a no-op otherwise. */
  dispose(): Promise<void>;
}

async function readExisting(dir: string): Promise<KeyAndCert | undefined> {
  try {
    return { keyPem: await readFile(join(dir, 'ca-key.pem'), 'utf8'), certPem: await readFile(join(dir, 'ca-cert.pem'), 'utf8') };
  } catch {
    return undefined;
  }
}

/**
 * With a data dir the CA is kept (`<data-dir>/tls/`) so clients that already trust it keep working across restarts;
 * without one a fresh CA goes to a temp dir and only its certificate is written. The server certificate is always
 * fresh.
 */
export async function prepareTls(dataDir?: string): Promise<SandboxTls> {
  const dir = dataDir === undefined ? await mkdtemp(join(tmpdir(), 'ucbridge-sandbox-tls-')) : join(dataDir, 'tls');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  let ca = dataDir === undefined ? undefined : await readExisting(dir);
  if (!ca) {
    ca = await createCertificateAuthority();
    if (dataDir !== undefined) await writeFile(join(dir, 'ca-key.pem'), ca.keyPem, { mode: 0o600 });
    await writeFile(join(dir, 'ca-cert.pem'), ca.certPem, { mode: 0o644 });
  }
  const server = await createServerCertificate(ca);
  return {
    caCertPath: join(dir, 'ca-cert.pem'),
    caCertPem: ca.certPem,
    server,
    dispose: async () => {
      if (dataDir === undefined) await rm(dir, { recursive: true, force: true });
    },
  };
}
