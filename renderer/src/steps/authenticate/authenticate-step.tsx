import type { StepProps } from '../step-types';
import { WhatItWillDo } from '../what-it-will-do';
import { CurrentSession } from './current-session';

export default function AuthenticateStep({ meta, context }: StepProps) {
  return (
    <>
      <CurrentSession session={context.session} />
      <WhatItWillDo meta={meta} />
    </>
  );
}
