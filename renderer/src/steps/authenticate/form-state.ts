import type { z } from 'zod';
import type { SignInInputSchema, WorkspaceChoice } from '../../../../shared/contract/auth';
import type { AuthMethod } from '../../../../shared/contract/session';
import { parseAccountId } from '../../../../shared/domain/account-id';
import { isValidClientId, parseRedirectUris } from '../../../../shared/domain/oauth-client';
import { parseWorkspaceUrl, type HostKind } from '../../../../shared/domain/workspace-url';

/**
 * The Authenticate form as plain data, and the one function that turns it into a `auth.signIn` request or says
 * what is missing — the same shared rules main enforces, so the user hears about a typo before anything is sent.
 */
export type WorkspaceSource = 'url' | 'profile' | 'sandbox';

export interface SignInForm {
  readonly source: WorkspaceSource;
  readonly url: string;
  readonly profile: string;
  readonly method: AuthMethod;
  readonly clientId: string;
  readonly clientSecret: string;
  /** One per line. */
  readonly redirectUris: string;
  readonly accountId: string;
  readonly federationSource: 'file' | 'env';
  readonly federationValue: string;
  readonly token: string;
  readonly useProfileSecret: boolean;
  /** The client id typed for each workspace choice: choosing another one never carries this one's id along. */
  readonly clientIdBySource: Readonly<Partial<Record<WorkspaceSource, string>>>;
}

export const EMPTY_FORM: SignInForm = {
  source: 'url',
  url: '',
  profile: '',
  method: 'oauth-u2m',
  clientId: '',
  clientSecret: '',
  redirectUris: '',
  accountId: '',
  federationSource: 'file',
  federationValue: '',
  token: '',
  useProfileSecret: false,
  clientIdBySource: {},
};

/** Moves to another workspace choice, keeping each choice's own client id (the sandbox's is its own app connection). */
export function switchSource(form: SignInForm, source: WorkspaceSource): SignInForm {
  if (source === form.source) return form;
  const clientIdBySource = { ...form.clientIdBySource, [form.source]: form.clientId };
  return { ...form, source, clientIdBySource, clientId: clientIdBySource[source] ?? '' };
}

export type SignInRequest = z.input<typeof SignInInputSchema>;
export type FormCheck = { readonly ok: true; readonly request: Omit<SignInRequest, 'taskId'> } | { readonly ok: false; readonly problems: Readonly<Partial<Record<keyof SignInForm, string>>> };

export interface FormContext {
  /** The chosen profile's host kind and whether it holds secrets. */
  readonly profileKind?: HostKind;
  readonly profileHasSecret?: boolean;
}

/** The kind of address the form points at, for showing the account id field. */
export function hostKindOf(form: SignInForm, ctx: FormContext): HostKind | undefined {
  if (form.source === 'sandbox') return 'sandbox';
  if (form.source === 'profile') return ctx.profileKind;
  const r = parseWorkspaceUrl(form.url);
  return r.ok ? r.value.kind : undefined;
}

const lines = (text: string): string[] => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

export function checkForm(form: SignInForm, ctx: FormContext = {}): FormCheck {
  const problems: Partial<Record<keyof SignInForm, string>> = {};
  let workspace: WorkspaceChoice;
  if (form.source === 'url') {
    const r = parseWorkspaceUrl(form.url);
    if (!r.ok) problems.url = r.problem;
    workspace = { kind: 'url', url: form.url.trim() };
  } else if (form.source === 'profile') {
    if (!form.profile) problems.profile = 'Choose a profile.';
    workspace = { kind: 'profile', name: form.profile };
  } else {
    workspace = { kind: 'sandbox' };
  }
  const kind = hostKindOf(form, ctx);
  // Browser sign-in to the sandbox always uses the sandbox's own app connection (main fills it in).
  const clientId = form.source === 'sandbox' && form.method === 'oauth-u2m' ? '' : form.clientId.trim();
  if (clientId && !isValidClientId(clientId)) problems.clientId = 'A client id has only letters, digits, ".", "_", ":" and "-".';
  const accountId = form.accountId.trim();
  if (kind === 'account' && form.method !== 'pat') {
    const r = parseAccountId(accountId);
    if (!r.ok) problems.accountId = r.problem;
  }
  const secretFromProfile = form.source === 'profile' && form.useProfileSecret && ctx.profileHasSecret === true;
  const base = { ...(clientId ? { clientId } : {}), ...(kind === 'account' && accountId ? { accountId } : {}) };

  let auth: SignInRequest['auth'];
  switch (form.method) {
    case 'oauth-u2m': {
      const uris = lines(form.redirectUris);
      if (uris.length > 0) {
        const r = parseRedirectUris(uris);
        if (!r.ok) problems.redirectUris = r.problem;
      }
      auth = { method: 'oauth-u2m', ...base, ...(form.clientSecret ? { clientSecret: form.clientSecret } : {}), ...(uris.length ? { redirectUris: uris } : {}) };
      break;
    }
    case 'oauth-m2m':
      if (!clientId && form.source !== 'profile') problems.clientId = "Enter the service principal's application id.";
      if (!form.clientSecret && !secretFromProfile) problems.clientSecret = 'Enter the OAuth secret of the service principal.';
      auth = { method: 'oauth-m2m', ...base, ...(form.clientSecret ? { clientSecret: form.clientSecret } : {}) };
      break;
    case 'token-federation': {
      const value = form.federationValue.trim();
      if (!value) problems.federationValue = form.federationSource === 'file' ? 'Enter the path of the file that holds the token.' : 'Enter the name of the environment variable.';
      else if (form.federationSource === 'env' && !/^[A-Za-z_][A-Za-z0-9_]{0,127}$/.test(value)) problems.federationValue = 'That is not an environment variable name.';
      const source = form.federationSource === 'file' ? { kind: 'file' as const, path: value } : { kind: 'env' as const, name: value };
      auth = { method: 'token-federation', ...base, source };
      break;
    }
    case 'pat':
      if (!form.token && !secretFromProfile) problems.token = 'Paste a personal access token.';
      auth = { method: 'pat', ...(form.token ? { token: form.token.trim() } : {}) };
      break;
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, request: { workspace, auth, useProfileSecret: secretFromProfile } };
}

/** A fresh task id for each sign-in, so progress and Cancel address exactly this one. */
export const newTaskId = (): string => `signin-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
