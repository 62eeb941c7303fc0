import { readFileSync } from 'node:fs';
import { createSecureContext, rootCertificates } from 'node:tls';
import { Agent, type Dispatcher } from 'undici';
import { pemCertificates } from './ca-assembly';
import { processCaTrust, type ProcessCaTrust } from './process-ca-trust';

/**
 * Which certificate authorities a workspace's connections trust. By default the main process's trust
 * (process-ca-trust.ts: the OS store, Node's bundled roots, NODE_EXTRA_CA_CERTS, the "CA certificate file"
 * setting). The local sandbox adds its generated CA for that workspace only, never process-wide, and never by
 * turning verification off.
 *
 * One agent per trust, reused for every request: building a secure context with ~150 roots costs tens of
 * milliseconds (reference sql-driver-thrift-protocol.md §3 item 11), so it happens once per session, not per call.
 */
export interface TlsTrust {
  /**
   * PEM the SQL driver must add as `customCaCert` (the sandbox's CA, and the chosen file's where Node's default
   * list could not take it), or undefined when the driver's default trust is already right.
   */
  readonly extraCaPem: string | undefined;
  readonly dispatcher: Dispatcher;
  close(): Promise<void>;
}

/** What a connection is told: `ca` (which replaces Node's default list, so it carries the defaults too). */
export interface ConnectionCas {
  readonly ca: readonly string[] | undefined;
  readonly driverExtraPem: string | undefined;
}

export function connectionCas(sandboxCaPem: string | undefined, trust: ProcessCaTrust | undefined): ConnectionCas {
  // Where the assembly is Node's default list, the chosen file is in it already; elsewhere each connection adds it.
  const fileCas = trust && !trust.processWide ? trust.fileCertificates : [];
  const additions = [...fileCas, ...(sandboxCaPem === undefined ? [] : [sandboxCaPem])];
  if (additions.length === 0) return { ca: undefined, driverExtraPem: undefined };
  const defaults = trust ? trust.assembly.certificates : [...rootCertificates, ...extraCertsFromEnv()];
  return { ca: [...new Set([...defaults, ...additions])], driverExtraPem: additions.join('\n') };
}

const KEEP_ALIVE_MS = 30_000;

export function createTlsTrust(sandboxCaPem?: string, trust: ProcessCaTrust | undefined = processCaTrust()): TlsTrust {
  const { ca, driverExtraPem } = connectionCas(sandboxCaPem, trust);
  // One secure context for every connection: given only `ca`, tls.connect builds a new one per socket, parsing the
  // ~150 roots each time (~20 ms of CPU a connection).
  const connect = ca === undefined ? {} : { secureContext: createSecureContext({ ca: [...ca] }) };
  const dispatcher = new Agent({ connect, keepAliveTimeout: KEEP_ALIVE_MS, connections: 16 });
  let closed = false;
  return {
    extraCaPem: driverExtraPem,
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
    return pemCertificates(readFileSync(file, 'utf8'));
  } catch {
    return [];
  }
}
