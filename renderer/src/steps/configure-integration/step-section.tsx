import { useId, type ReactNode, type Ref } from 'react';

export interface StepSectionProps {
  readonly title: string;
  /** One line under the heading: what this part decides. */
  readonly lead?: ReactNode;
  readonly testId: string;
  /** For moving focus to the heading (after results arrive). */
  readonly headingRef?: Ref<HTMLHeadingElement>;
  readonly children: ReactNode;
}

/** One clearly headed part of step 2 (Warehouse, Integration, …), reachable by screen readers' heading list. */
export function StepSection({ title, lead, testId, headingRef, children }: StepSectionProps) {
  const headingId = useId();
  return (
    <section className="ci-section" aria-labelledby={headingId} data-testid={testId}>
      <h3 id={headingId} className="ci-section__title" tabIndex={-1} ref={headingRef}>
        {title}
      </h3>
      {lead ? <p className="ci-section__lead">{lead}</p> : null}
      {children}
    </section>
  );
}
