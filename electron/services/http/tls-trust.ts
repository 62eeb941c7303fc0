import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { Agent, type Dispatcher } from 'undici';

/**
 * Which certificate authorities a workspace's connections trust. By default Node's store: the bundled Mozilla
 * roots plus NODE_EXTRA_CA_CERTS (read once at start-up), which is how a TLS-inspecting proxy's CA is trusted.
 * The local sandbox adds its generated CA for that workspace only, never process-wide, and never by turning
 * verification off.
 *
 * One agent per trust, reused for every request: building a secure context with ~150 roots costs tens of
 * milliseconds (reference sql-driver-thrift-protocol.md §3 item 11), so it happens once per session, not per call.
 */
export interface TlsTrust {
  /** PEM of the extra CA, when there is one: handed to the SQL driver as `customCaCert`. */
  readonly extraCaPem: string | undefined;
  readonly dispatcher: Dispatcher;
  close(): Promise<void>;
}

const KEEP_ALIVE_MS = 30_000;

export function createTlsTrust(extraCaPem?: string): TlsTrust {
  // `ca` replaces Node's default store, so the bundled roots and NODE_EXTRA_CA_CERTS' file go back in by hand.
  const connect = extraCaPem === undefined ? {} : { ca: [...rootCertificates, ...extraCertsFromEnv(), extraCaPem] };
  const dispatcher = new Agent({ connect, keepAliveTimeout: KEEP_ALIVE_MS, connections: 16 });
  let closed = false;
  return {
    extraCaPem,
    dispatcher,
    async close() {
      if (closed) return;
      closed = true;
      await dispatcher.close();
    },
  };
}

/** NODE_EXTRA_CA_CERTS' certificates, kept alongside a custom CA (Node only adds them to its default store). */
function extraCertsFromEnv(): string[] {
  const file = process.env.NODE_EXTRA_CA_CERTS;
  if (!file) return [];
  try {
    const text = readFileSync(file, 'utf8');
    return text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  } catch {
    return [];
  }
}
