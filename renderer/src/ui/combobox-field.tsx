import { Combobox } from './combobox';
import type { Suggestion } from './combobox-state';
import { FieldFrame, type FieldFrameProps } from './field';

export interface ComboboxFieldProps extends FieldFrameProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Offered while typing; any other text is still accepted. */
  readonly suggestions: readonly Suggestion[];
  readonly suggestionsLabel?: string;
  readonly suggestionsLoading?: boolean;
  readonly testId?: string;
}

/**
 * A labelled field whose control is a Combobox (suggestions from the workspace, typing still allowed), with its
 * help and problem under it like Field. Its own module: Field is on the first render's path (step 1), the
 * combobox (Radix Popover, react-remove-scroll, focus scope) only on later steps'.
 *
 *   <ComboboxField label="Integration catalog" value={form.catalog} onChange={(catalog) => patch({ catalog })}
 *                  suggestions={catalogs} suggestionsLabel="Catalogs in this workspace" problem={problems.catalog} />
 */
export function ComboboxField(p: ComboboxFieldProps) {
  return (
    <FieldFrame
      {...p}
      control={(common) => (
        <Combobox
          {...common}
          value={p.value}
          onChange={p.onChange}
          suggestions={p.suggestions}
          listLabel={p.suggestionsLabel ?? `Suggestions for ${p.label}`}
          loading={p.suggestionsLoading ?? false}
          {...(p.testId ? { testId: p.testId } : {})}
        />
      )}
    />
  );
}
