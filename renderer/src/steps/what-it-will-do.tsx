import { useId } from 'react';
import type { StepMeta } from './step-types';

/** The step's promise, as a list: shown on every step, so nothing it does comes as a surprise. */
export function WhatItWillDo({ meta }: { readonly meta: StepMeta }) {
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId} data-testid="what-it-will-do">
      <h3 id={headingId} className="card__title">
        What this step does
      </h3>
      <ul className="checklist">
        {meta.willDo.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </section>
  );
}
