import type { ReactNode } from 'react';

/** One labelled fact in the header's description list. */
export function Fact({ label, children, testId }: { readonly label: string; readonly children: ReactNode; readonly testId: string }) {
  return (
    <div className="fact" data-testid={testId}>
      <dt className="fact__label">{label}</dt>
      <dd className="fact__value">{children}</dd>
    </div>
  );
}
