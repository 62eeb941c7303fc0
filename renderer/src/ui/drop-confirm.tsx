import type { ReactNode } from 'react';
import { Field } from './field';

/** Unity Catalog stores names lower-case (reference §0.1): `UCBridge` typed for `ucbridge` is the same catalog. */
export const typedNameMatches = (typed: string, catalog: string): boolean => typed.trim().toLowerCase() === catalog.toLowerCase();

/** Whether an action that may drop `catalog` may go: nothing to drop, or its name typed. */
export const dropConfirmed = (drops: boolean, catalog: string | undefined, typed: string): boolean =>
  !drops || catalog === undefined || typedNameMatches(typed, catalog);

export interface DropConfirmProps {
  readonly catalog: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** What is at stake, when it is not simply "this uninstall drops the catalog". */
  readonly help?: ReactNode;
}

/**
 * An uninstall that drops the integration catalog destroys everything in it (DROP CATALOG … CASCADE): the catalog's
 * name is typed to confirm, so a click alone never does it.
 */
export function DropConfirm({ catalog, value, onChange, help }: DropConfirmProps) {
  return (
    <div className="ci-drop-confirm" data-testid="ci-drop-confirm">
      <Field
        label={`Type ${catalog} to confirm`}
        value={value}
        onChange={onChange}
        testId="ci-drop-confirm-name"
        help={
          help ?? (
            <>
              This uninstall drops catalog <code>{catalog}</code> and everything in it: its schemas, tables, volume and files. It cannot be undone.
            </>
          )
        }
      />
    </div>
  );
}
