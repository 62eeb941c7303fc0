import { readFileSync } from 'node:fs';

/**
 * The part of `node:tls` the trust assembly uses. `getCACertificates` (Node 22.15 / 23.10) and
 * `setDefaultCACertificates` (Node 22.19 / 24.5) exist in Electron 45's Node 24 but not in the Node 20 that runs
 * tests and the browser harness, so both are optional and detected, never assumed.
 * Docs: https://nodejs.org/api/tls.html#tlsgetcacertificatestype and
 * https://nodejs.org/api/tls.html#tlssetdefaultcacertificatescerts
 */
export interface TlsCaApi {
  readonly rootCertificates: readonly string[];
  readonly getCACertificates?: (type: 'default' | 'system' | 'bundled' | 'extra') => string[];
  readonly setDefaultCACertificates?: (certs: readonly string[]) => void;
}

/** Which certificate authorities the main process trusts, and where each group came from. */
export interface CaAssembly {
  /** Every CA, deduplicated, in the order system, bundled, NODE_EXTRA_CA_CERTS, the chosen file. */
  readonly certificates: readonly string[];
  /** The operating system's store; 'unavailable' where this Node cannot read it (Node 20). */
  readonly system: number | 'unavailable';
  /** Node's bundled Mozilla roots. */
  readonly bundled: number;
  /** NODE_EXTRA_CA_CERTS: development and the CLI only; the release build's nodeOptions fuse strips it. */
  readonly extra: number;
  /** The "CA certificate file" setting. */
  readonly file: number;
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** The certificate blocks of a PEM text, each on its own. */
export const pemCertificates = (text: string): string[] => text.match(PEM_CERTIFICATE) ?? [];

/** NODE_EXTRA_CA_CERTS' certificates read by hand where `getCACertificates('extra')` does not exist. */
function extraFromEnv(env: NodeJS.ProcessEnv): string[] {
  const file = env.NODE_EXTRA_CA_CERTS;
  if (!file) return [];
  try {
    return pemCertificates(readFileSync(file, 'utf8'));
  } catch {
    // Node itself ignores an unreadable NODE_EXTRA_CA_CERTS (with a warning); so does this.
    return [];
  }
}

function systemCertificates(tls: TlsCaApi): string[] | undefined {
  if (!tls.getCACertificates) return undefined;
  try {
    return tls.getCACertificates('system');
  } catch {
    return undefined;
  }
}

/**
 * System store + bundled roots + NODE_EXTRA_CA_CERTS + the chosen file. The system store is what makes a
 * TLS-inspecting proxy or a company CA work in the installed app, where NODE_EXTRA_CA_CERTS cannot be set.
 */
export function assembleCaTrust(tls: TlsCaApi, fileCertificates: readonly string[], env: NodeJS.ProcessEnv = process.env): CaAssembly {
  const system = systemCertificates(tls);
  const bundled = tls.getCACertificates?.('bundled') ?? [...tls.rootCertificates];
  const extra = tls.getCACertificates ? tls.getCACertificates('extra') : extraFromEnv(env);
  const certificates = [...new Set([...(system ?? []), ...bundled, ...extra, ...fileCertificates])];
  return {
    certificates,
    system: system === undefined ? 'unavailable' : system.length,
    bundled: bundled.length,
    extra: extra.length,
    file: fileCertificates.length,
  };
}
