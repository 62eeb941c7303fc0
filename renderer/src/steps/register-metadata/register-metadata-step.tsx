import { SignInFirst } from '../sign-in-first';
import type { StepProps } from '../step-types';
import { WhatItWillDo } from '../what-it-will-do';

export default function RegisterMetadataStep({ meta, status, goTo }: StepProps) {
  return (
    <>
      {status === 'locked' ? <SignInFirst goTo={goTo} /> : null}
      <WhatItWillDo meta={meta} />
    </>
  );
}
