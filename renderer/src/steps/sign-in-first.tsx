import type { StepId } from './step-types';

/** Shown by a locked step: it needs a signed-in session, and one click (or Enter) leads there. */
export function SignInFirst({ goTo }: { readonly goTo: (id: StepId) => void }) {
  return (
    <div className="notice notice--locked" data-testid="sign-in-first">
      <p>
        <strong>Sign in first.</strong> This step works on your workspace, so it needs a signed-in session from step 1.
      </p>
      <button type="button" className="button button--primary" onClick={() => goTo('authenticate')}>
        Go to Authenticate
      </button>
    </div>
  );
}
