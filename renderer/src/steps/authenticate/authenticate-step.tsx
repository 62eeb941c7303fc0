import { useState } from 'react';
import type { StepProps } from '../step-types';
import { WhatItWillDo } from '../what-it-will-do';
import './authenticate.css';
import { ConnectionSettings } from './connection-settings';
import { IdentityCard } from './identity-card';
import { SignInPanel } from './sign-in-panel';

/** Step 1: choose a workspace and sign in; once signed in, who you are, and the option to sign in elsewhere. */
export default function AuthenticateStep({ meta, context }: StepProps) {
  const [switching, setSwitching] = useState(false);
  const session = context.session;
  const showIdentity = session?.identity && session.workspace;
  return (
    <>
      {showIdentity ? <IdentityCard session={session} /> : null}
      {context.signedIn && !switching ? (
        <button type="button" className="button" onClick={() => setSwitching(true)} data-testid="sign-in-elsewhere">
          Sign in to another workspace or as someone else
        </button>
      ) : (
        <>
          <SignInPanel onSignedIn={() => setSwitching(false)} />
          <ConnectionSettings />
        </>
      )}
      {context.signedIn ? null : <WhatItWillDo meta={meta} />}
    </>
  );
}
