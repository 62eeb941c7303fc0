import type { AppError } from '../app-error';
import { assertNever } from '../assert-never';

/**
 * Every way a sign-in can fail that the user can do something about, each in plain language with the fix. Main
 * raises them; the Authenticate step and the CLI show message and hint as they are.
 */
export type AuthFailureKind =
  | 'unreachable-host'
  | 'certificate-untrusted'
  | 'oauth-unavailable'
  | 'redirect-uri-not-registered'
  | 'ports-in-use'
  | 'consent-denied'
  | 'authorize-error'
  | 'state-mismatch'
  | 'timeout'
  | 'clock-skew'
  | 'unauthorized'
  | 'forbidden'
  | 'wrong-client-secret'
  | 'code-rejected'
  | 'federation-rejected'
  | 'federation-token-unreadable'
  | 'signin-required'
  | 'secret-missing'
  | 'sandbox-not-running'
  | 'sandbox-moved';

export interface AuthFailureContext {
  readonly host?: string;
  readonly redirectUris?: readonly string[];
  /** A server-provided reason (already free of secrets: error codes and descriptions only). */
  readonly detail?: string;
  readonly clientId?: string;
  /** The sign-in timeout actually used (the CLI's --timeout; 5 minutes by default). */
  readonly timeoutMs?: number;
}

/** `5 minutes`, `90 seconds`, `1 second`: a timeout as it was set. */
/**
 * What works in the installed app: it trusts the operating system's certificate store, and a "CA certificate file"
 * setting beside the sign-in form; NODE_EXTRA_CA_CERTS reaches only the command-line tool (the release build's
 * nodeOptions fuse removes it from the app's environment, Electron docs: environment variables, fuses).
 */
export const CERTIFICATE_UNTRUSTED_HINT =
  'A TLS-inspecting proxy or a private CA is in the way. The ucbridge app trusts the certificates your operating ' +
  'system trusts: ask IT to install their CA certificate there, or choose its .pem file under Connection settings ' +
  '› CA certificate file, beside the sign-in form. The ucbridge command-line tool reads ' +
  'NODE_EXTRA_CA_CERTS=<path to the .pem> instead. ucbridge never turns certificate checks off.';

export function describeDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const [n, unit] = seconds >= 60 && seconds % 60 === 0 ? [seconds / 60, 'minute'] : [seconds, 'second'];
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

const detailOf = (ctx: AuthFailureContext): string => (ctx.detail ? ` (${ctx.detail.slice(0, 300)})` : '');

export function authFailure(kind: AuthFailureKind, ctx: AuthFailureContext = {}): AppError {
  const host = ctx.host ?? 'the workspace';
  const uris = (ctx.redirectUris ?? []).join(', ');
  switch (kind) {
    case 'unreachable-host':
      return {
        code: 'NETWORK',
        message: `ucbridge could not reach ${host}${detailOf(ctx)}.`,
        hint: 'Check the address, your network or VPN, and any proxy; then try again.',
      };
    case 'certificate-untrusted':
      return {
        code: 'NETWORK',
        message: `The certificate of ${host} is not trusted${detailOf(ctx)}.`,
        hint: CERTIFICATE_UNTRUSTED_HINT,
      };
    case 'oauth-unavailable':
      return {
        code: 'UNSUPPORTED',
        message: `${host} did not answer OAuth discovery${detailOf(ctx)}.`,
        hint: 'Check that this is a Databricks workspace or account console address.',
      };
    case 'redirect-uri-not-registered':
      return {
        code: 'AUTH_FAILED',
        message: 'The workspace did not accept the redirect URL.',
        hint: `Add these exact redirect URLs to the app connection in the account console: ${uris}.`,
      };
    case 'ports-in-use':
      return {
        code: 'CONFLICT',
        message: `Every registered redirect port is in use (${uris}).`,
        hint: 'Close the program using them (the Databricks CLI uses 8020), or register another port.',
      };
    case 'consent-denied':
      return {
        code: 'AUTH_FAILED',
        message: 'Sign-in was declined in the browser.',
        hint: 'Sign in again and choose Allow when Databricks asks for consent.',
      };
    case 'authorize-error':
      return {
        code: 'AUTH_FAILED',
        message: `The workspace refused the sign-in request${detailOf(ctx)}.`,
        hint:
          `Check the client id${ctx.clientId ? ` (${ctx.clientId})` : ''} and that the app connection allows ` +
          'the all-apis and offline_access scopes.',
      };
    case 'state-mismatch':
      return {
        code: 'AUTH_FAILED',
        message: 'The browser returned an answer to a different sign-in request, so ucbridge ignored it.',
        hint: 'Close old sign-in tabs and start again.',
      };
    case 'timeout':
      return {
        code: 'TIMEOUT',
        message: `Sign-in was not completed in the browser within ${describeDuration(ctx.timeoutMs ?? 5 * 60_000)}.`,
        hint:
          'Start again. If the browser showed "redirect_uri … not registered", add these exact redirect URLs to ' +
          `the app connection: ${uris}.`,
      };
    case 'clock-skew':
      return {
        code: 'AUTH_FAILED',
        message: `This computer's clock differs from the workspace's by several minutes${detailOf(ctx)}.`,
        hint: 'Turn on automatic date and time in your system settings, then sign in again.',
      };
    case 'unauthorized':
      return {
        code: 'AUTH_FAILED',
        message: `${host} refused the credentials (401)${detailOf(ctx)}.`,
        hint: 'Check the token or client credentials; they may have expired or been revoked.',
      };
    case 'forbidden':
      return {
        code: 'FORBIDDEN',
        message: `${host} accepted the credentials but denied access (403)${detailOf(ctx)}.`,
        hint: 'Ask a workspace admin to add this user or service principal to the workspace.',
      };
    case 'wrong-client-secret':
      return {
        code: 'AUTH_FAILED',
        message: `The client id or client secret was refused${detailOf(ctx)}.`,
        hint:
          'Check both values. A service principal secret is shown only once: create a new one under the service ' +
          "principal's Secrets tab if in doubt.",
      };
    case 'code-rejected':
      return {
        code: 'AUTH_FAILED',
        message: `The workspace did not accept the sign-in code${detailOf(ctx)}.`,
        hint: 'Start the sign-in again; if it keeps failing, check the redirect URLs of the app connection.',
      };
    case 'federation-rejected':
      return {
        code: 'AUTH_FAILED',
        message: `The workspace refused the identity-provider token${detailOf(ctx)}.`,
        hint:
          'Check the federation policy: its issuer, audience and subject must match the token, and the token ' +
          'must not have expired.',
      };
    case 'federation-token-unreadable':
      return {
        code: 'BAD_REQUEST',
        message: `The identity-provider token could not be read${detailOf(ctx)}.`,
        hint: 'Point to a file or environment variable that holds one JWT (three dot-separated parts).',
      };
    case 'signin-required':
      return {
        code: 'AUTH_REQUIRED',
        message: 'Your sign-in has expired or was revoked.',
        hint: 'Sign in again (Re-authenticate). Your workspace and integration settings are kept.',
      };
    case 'secret-missing':
      return {
        code: 'AUTH_REQUIRED',
        message: 'The secret for this sign-in is no longer available (it was kept in memory only).',
        hint: 'Sign in again and enter the secret.',
      };
    case 'sandbox-not-running':
      // A loopback address that does not answer (or answers with a certificate nobody trusts): the sandbox of an
      // earlier run, not the network, a VPN or a TLS-inspecting proxy.
      return {
        code: 'UNAVAILABLE',
        message: `The local sandbox at ${host} is not running.`,
        hint: 'Choose "Local sandbox" and start it, then sign in: it gets a new address each time it starts.',
      };
    case 'sandbox-moved':
      return {
        code: 'UNAVAILABLE',
        message: `The local sandbox no longer runs at ${host}${detailOf(ctx)}.`,
        hint: 'Choose "Local sandbox": ucbridge fills in its current address and trusts its certificate.',
      };
    default:
      return assertNever(kind, 'auth failure');
  }
}
