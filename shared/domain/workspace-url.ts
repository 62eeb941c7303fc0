import { assertNever } from '../assert-never';

/**
 * Workspace and account-console addresses: what the user may type, and the one normalised form the app keeps.
 * Pure (no Node, no DOM) so the renderer validates inline with exactly the rules main enforces.
 *
 * Host shapes (Databricks Go SDK `common/environment/environments.go`; reference databricks-oauth.md §1.2–1.3):
 *   AWS    `<name>.cloud.databricks.com`                 account console `accounts.cloud.databricks.com`
 *   Azure  `adb-<id>.<n>.azuredatabricks.net` (+ `.databricks.azure.us`, `.databricks.azure.cn`)
 *                                                         account console `accounts.azuredatabricks.net`
 *   GCP    `<id>.<n>.gcp.databricks.com`                 account console `accounts.gcp.databricks.com`
 * Tokens are sent to this host, so anything else is refused rather than guessed at — except loopback, where the
 * local sandbox runs (plain http is allowed there only: it never leaves the machine).
 */

export type Cloud = 'aws' | 'azure' | 'gcp' | 'local';
export type HostKind = 'workspace' | 'account' | 'sandbox';

export interface WorkspaceAddress {
  /** Normalised origin, no trailing slash: `https://adb-123.4.azuredatabricks.net`. */
  readonly url: string;
  /** Host name with a non-default port: `127.0.0.1:8443`. */
  readonly host: string;
  readonly cloud: Cloud;
  readonly kind: HostKind;
}

export type AddressCheck =
  | { readonly ok: true; readonly value: WorkspaceAddress }
  | { readonly ok: false; readonly problem: string; readonly suggestion?: string };

export const MAX_URL_LENGTH = 2048;

interface HostRule {
  readonly pattern: RegExp;
  readonly cloud: Cloud;
  readonly kind: HostKind;
}

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';

/** Account consoles first: `accounts.cloud.databricks.com` would otherwise match the AWS workspace rule. */
const HOST_RULES: readonly HostRule[] = [
  { pattern: /^accounts\.cloud\.databricks\.com$/, cloud: 'aws', kind: 'account' },
  { pattern: /^accounts\.azuredatabricks\.net$/, cloud: 'azure', kind: 'account' },
  { pattern: /^accounts\.gcp\.databricks\.com$/, cloud: 'gcp', kind: 'account' },
  { pattern: new RegExp(`^(?:${LABEL}\\.)+cloud\\.databricks\\.com$`), cloud: 'aws', kind: 'workspace' },
  { pattern: /^adb-\d{1,20}\.\d{1,4}\.(?:azuredatabricks\.net|databricks\.azure\.us|databricks\.azure\.cn)$/, cloud: 'azure', kind: 'workspace' },
  { pattern: /^\d{1,20}\.\d{1,4}\.gcp\.databricks\.com$/, cloud: 'gcp', kind: 'workspace' },
];

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

export const isLoopbackHost = (hostname: string): boolean => LOOPBACK_HOSTS.has(hostname.toLowerCase());

const EXAMPLES =
  'for example https://dbc-a1b2c3d4-e5f6.cloud.databricks.com, https://adb-1234567890123456.7.azuredatabricks.net ' +
  'or https://1234567890123456.7.gcp.databricks.com';

const refuse = (problem: string, suggestion?: string): AddressCheck =>
  suggestion === undefined ? { ok: false, problem } : { ok: false, problem, suggestion };

function classify(hostname: string): HostRule | undefined {
  if (isLoopbackHost(hostname)) return { pattern: /./, cloud: 'local', kind: 'sandbox' };
  // Reject an account-style prefix on other hosts ("accounts.evil.com" is simply unknown).
  return HOST_RULES.find((rule) => rule.pattern.test(hostname));
}

/** C0/C1 controls, zero-width and bidi-override characters: a pasted address must not hide anything. */
const invisible = (ch: string): boolean => {
  const c = ch.codePointAt(0) ?? 0;
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x200b && c <= 0x200f) || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff;
};

/** Normalises and validates what the user typed or pasted. Never throws, whatever the input. */
export function parseWorkspaceUrl(input: string): AddressCheck {
  if (typeof input !== 'string') return refuse('Enter the workspace address.');
  const text = input.trim();
  if (text === '') return refuse('Enter the workspace address.');
  if (text.length > MAX_URL_LENGTH) return refuse(`That is too long for a workspace address (over ${MAX_URL_LENGTH} characters).`);
  // WHATWG URL parsing silently drops tabs and newlines inside a URL; a pasted address with them is not trusted.
  if (/\s/u.test(text) || [...text].some(invisible)) {
    return refuse('The address contains spaces or invisible characters. Paste only the workspace address.');
  }
  if (text.includes('\\')) return refuse('The address contains a backslash. Use the address from the browser bar.');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return refuse(`That is not a web address. Enter the workspace address, ${EXAMPLES}.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return refuse('Workspace addresses start with https://.');
  }
  if (url.username !== '' || url.password !== '') {
    return refuse('Remove the user name or password from the address; ucbridge signs in separately.', `${url.protocol}//${url.host}`);
  }
  const rule = classify(url.hostname);
  if (!rule) return refuse(`${url.hostname.slice(0, 253)} is not a Databricks workspace or account console address. Use your workspace's address, ${EXAMPLES}.`);
  if (url.protocol === 'http:' && rule.kind !== 'sandbox') {
    return refuse('Databricks workspaces are only reachable over https://.', `https://${url.host}`);
  }
  if (url.port !== '' && rule.kind !== 'sandbox') {
    return refuse('Databricks workspaces use the standard https port; remove the port from the address.', `https://${url.hostname}`);
  }
  const origin = `${url.protocol}//${url.host}`;
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
    return refuse('Enter only the workspace address, without a path, "?o=…" or anything after it.', origin);
  }
  return { ok: true, value: { url: origin, host: url.host, cloud: rule.cloud, kind: rule.kind } };
}

/** The account console for a workspace's cloud (account-level sign-in needs it). */
export function accountConsoleFor(cloud: Cloud): string | undefined {
  switch (cloud) {
    case 'aws':
      return 'https://accounts.cloud.databricks.com';
    case 'azure':
      return 'https://accounts.azuredatabricks.net';
    case 'gcp':
      return 'https://accounts.gcp.databricks.com';
    case 'local':
      return undefined;
    default:
      return assertNever(cloud, 'cloud');
  }
}
