import { createContext, useContext, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

/** The middle of the Back/Next row (step-nav.tsx), given to the step's component by StepPanel. */
export const StepNavSlot = createContext<HTMLElement | null>(null);

/**
 * Shows a part's main action in the Back/Next row instead of a row of its own, so the part is shorter by that row
 * and fits a laptop screen (e2e/layout-fit.spec.ts). The action stays the part's own code (state, handlers); only
 * where it shows moves. Between Back and Next in the reading and Tab order.
 *
 *   <StepNavAction><button className="button button--primary" onClick={save}>Save and validate</button></StepNavAction>
 *
 * Outside a step panel (a unit test rendering the part alone) it renders in place.
 */
export function StepNavAction({ children }: { readonly children: ReactNode }) {
  const slot = useContext(StepNavSlot);
  return slot ? createPortal(children, slot) : <>{children}</>;
}
