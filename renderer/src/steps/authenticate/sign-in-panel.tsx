import { useState, type FormEvent } from 'react';
import type { SandboxSetup } from '../../../../shared/contract/auth';
import { parseWorkspaceUrl } from '../../../../shared/domain/workspace-url';
import type { AppError } from '../../../../shared/result';
import { toAppError } from '../../api/client-error';
import { ErrorView } from '../../errors/error-view';
import { announce } from '../../status/announcer';
import { checkForm, EMPTY_FORM, hostKindOf, newTaskId, switchSource, type FormContext, type SignInForm, type WorkspaceSource } from './form-state';
import { FormProblems } from '../../ui/form-problems';
import { MethodFields } from './method-fields';
import { MethodPicker } from './method-picker';
import { signInProblems } from './sign-in-problems';
import { useSignIn, useStartSandbox, useWorkspaceChoices } from './use-auth';
import { WorkspacePicker } from './workspace-picker';

/**
 * A typed loopback address that main found is not (or no longer) the sandbox: the sandbox of an earlier run, which
 * gets a new address each time it starts (main says so: loopback-failure.ts). The fix is to start or use it.
 */
function isStaleSandbox(failure: AppError, attempted: string | undefined): boolean {
  if (failure.code !== 'UNAVAILABLE' || attempted === undefined) return false;
  const address = parseWorkspaceUrl(attempted);
  return address.ok && address.value.kind === 'sandbox';
}

/** Choosing a workspace and a method, then signing in; failures are explained in place, with the fix. */
export function SignInPanel({ onSignedIn }: { readonly onSignedIn?: () => void }) {
  const choices = useWorkspaceChoices();
  const [form, setForm] = useState<SignInForm>(EMPTY_FORM);
  const [problems, setProblems] = useState<Readonly<Partial<Record<keyof SignInForm, string>>>>({});
  const [failure, setFailure] = useState<AppError | undefined>(undefined);
  const [sandbox, setSandbox] = useState<SandboxSetup | undefined>(undefined);
  // The address of the last sign-in sent, to tell a stale sandbox address from an unreachable workspace.
  const [attempted, setAttempted] = useState<string | undefined>(undefined);
  const patch = (p: Partial<SignInForm>) => {
    setForm((f) => ({ ...f, ...p }));
    // A field changed since the refused submit is no longer listed as refused (checked again on the next submit).
    setProblems((current) => (Object.keys(p).some((k) => k in current) ? Object.fromEntries(Object.entries(current).filter(([k]) => !(k in p))) : current));
  };
  const setSource = (source: WorkspaceSource) => setForm((f) => switchSource(f, source));

  const startSandbox = useStartSandbox({
    onSuccess: (setup) => {
      setSandbox(setup);
      setForm((f) => ({ ...switchSource(f, 'sandbox'), redirectUris: '' }));
      announce('The local sandbox is running.');
    },
    onError: (e) => setFailure(toAppError(e)),
  });
  const signIn = useSignIn({
    onSuccess: (state) => {
      setFailure(undefined);
      setForm((f) => ({ ...f, clientSecret: '', token: '' }));
      announce(state.identity ? `Signed in as ${state.identity.displayName}.` : 'Signed in.');
      onSignedIn?.();
    },
    onError: (e) => {
      const error = toAppError(e);
      setFailure(error.code === 'CANCELLED' ? undefined : error);
      if (error.code === 'CANCELLED') announce('Sign-in cancelled.');
    },
  });

  const profile = choices.data?.profiles.find((p) => p.name === form.profile);
  const profileUrl = profile?.url ? parseWorkspaceUrl(profile.url) : undefined;
  const ctx: FormContext = {
    ...(profileUrl?.ok ? { profileKind: profileUrl.value.kind } : {}),
    profileHasSecret: form.method === 'pat' ? profile?.hasToken : profile?.hasClientSecret,
  };
  const profileSecret =
    profile && (form.method === 'pat' ? profile.hasToken : form.method === 'oauth-m2m' && profile.hasClientSecret)
      ? { profile: profile.name, what: form.method === 'pat' ? 'personal access token' : 'client secret' }
      : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (signIn.isPending) return;
    const check = checkForm(form, ctx);
    if (!check.ok) {
      // Each problem shows under its field, and the list beside the Sign in button (FormProblems announces it).
      setProblems(check.problems);
      return;
    }
    setProblems({});
    setFailure(undefined);
    setAttempted(check.request.workspace.kind === 'url' ? check.request.workspace.url : undefined);
    signIn.mutate({ ...check.request, taskId: newTaskId() });
  };

  return (
    <form className="auth-form" onSubmit={submit} noValidate aria-label="Sign in" data-testid="sign-in-form">
      <WorkspacePicker form={form} patch={patch} setSource={setSource} choices={choices.data} problems={problems} sandbox={sandbox} onStartSandbox={() => startSandbox.mutate({})} startingSandbox={startSandbox.isPending} />
      <MethodPicker form={form} patch={patch} />
      <MethodFields form={form} patch={patch} problems={problems} hostKind={hostKindOf(form, ctx)} defaultRedirectUris={sandbox?.redirectUris ?? choices.data?.defaults.redirectUris ?? []} {...(profileSecret ? { profileSecret } : {})} />
      <div className="auth-form__actions">
        <button type="submit" className="button button--primary" aria-busy={signIn.isPending} data-testid="sign-in">
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
        <FormProblems problems={signInProblems(problems, form)} testId="sign-in-problems" />
      </div>
      {failure ? (
        <ErrorView
          action="Sign in"
          error={failure}
          onDismiss={() => setFailure(undefined)}
          fix={
            isStaleSandbox(failure, attempted) && choices.data?.sandbox.available ? (
              <button type="button" className="button button--primary" aria-busy={startSandbox.isPending} onClick={() => (startSandbox.isPending ? undefined : (setFailure(undefined), startSandbox.mutate({})))} data-testid="fix-start-sandbox">
                {choices.data.sandbox.running ? 'Use the running sandbox' : 'Start the local sandbox'}
              </button>
            ) : null
          }
        />
      ) : null}
    </form>
  );
}
