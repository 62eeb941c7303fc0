import * as nodeTls from 'node:tls';
import { assembleCaTrust, type CaAssembly, type TlsCaApi } from './ca-assembly';

/**
 * The main process's trust, set once at start-up and again when the "CA certificate file" setting changes.
 *
 * Where Node can (Electron 45), the assembly becomes Node's default CA list (`tls.setDefaultCACertificates`), so
 * every connection that names no CA of its own — undici's agent, the SQL driver's https agent — trusts it. Where it
 * cannot (Node 20: the browser harness), the chosen file's certificates are added per connection by
 * `createTlsTrust` instead, and the OS store is not read. Before `applyProcessCaTrust` runs (tests, the CLI),
 * Node's own defaults apply, untouched.
 */
export interface ProcessCaTrust {
  readonly assembly: CaAssembly;
  /** True when the assembly is Node's default list; false when only connections made by createTlsTrust see it. */
  readonly processWide: boolean;
  readonly fileCertificates: readonly string[];
}

let current: ProcessCaTrust | undefined;

export function applyProcessCaTrust(
  fileCertificates: readonly string[],
  tls: TlsCaApi = nodeTls as TlsCaApi,
  env: NodeJS.ProcessEnv = process.env,
): ProcessCaTrust {
  const assembly = assembleCaTrust(tls, fileCertificates, env);
  const processWide = tls.setDefaultCACertificates !== undefined;
  // Only after the assembly is known good: setDefaultCACertificates replaces the whole list.
  if (processWide) tls.setDefaultCACertificates!([...assembly.certificates]);
  current = { assembly, processWide, fileCertificates: [...fileCertificates] };
  return current;
}

export const processCaTrust = (): ProcessCaTrust | undefined => current;
