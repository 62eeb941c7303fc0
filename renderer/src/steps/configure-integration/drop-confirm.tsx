import { Field } from '../../ui/field';

/** Unity Catalog stores names lower-case (reference §0.1): `UCBridge` typed for `ucbridge` is the same catalog. */
export const typedNameMatches = (typed: string, catalog: string): boolean => typed.trim().toLowerCase() === catalog.toLowerCase();

export interface DropConfirmProps {
  readonly catalog: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
}

/**
 * An uninstall that drops the integration catalog destroys everything in it (DROP CATALOG … CASCADE): the catalog's
 * name is typed to confirm, so a click alone never does it.
 */
export function DropConfirm({ catalog, value, onChange }: DropConfirmProps) {
  return (
    <div className="ci-drop-confirm" data-testid="ci-drop-confirm">
      <Field
        label={`Type ${catalog} to confirm`}
        value={value}
        onChange={onChange}
        testId="ci-drop-confirm-name"
        help={
          <>
            This uninstall drops catalog <code>{catalog}</code> and everything in it: its schemas, tables, volume and files. It cannot be undone.
          </>
        }
      />
    </div>
  );
}
