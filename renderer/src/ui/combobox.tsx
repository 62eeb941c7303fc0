import * as P from 'radix-ui/popover';
import { useId, useMemo, useRef, useState, type InputHTMLAttributes, type KeyboardEvent } from 'react';
import { filterSuggestions, moveActive, type Suggestion } from './combobox-state';
import './popover.css';
import './combobox.css';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'role' | 'type'>;

export interface ComboboxProps extends InputProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** What the workspace has (catalogs, principals…). Typing anything else is still allowed. */
  readonly suggestions: readonly Suggestion[];
  /** Names the list for screen readers ("Catalogs in this workspace"). */
  readonly listLabel: string;
  /** While the suggestions are being fetched. */
  readonly loading?: boolean;
  readonly testId?: string;
  /** Called with the suggestion taken (click or Enter), after onChange: for a choice that is more than its text (an id). */
  readonly onPick?: (suggestion: Suggestion) => void;
}

/**
 * A text field with suggestions that still accepts any text — the WAI-ARIA 1.2 combobox pattern ("list"
 * autocomplete) on a Radix Popover anchored to the input, because Radix has no combobox. Focus stays in the input;
 * ArrowDown/ArrowUp highlight an option (aria-activedescendant), Enter or a click takes it, Escape closes the list.
 * Enter with nothing highlighted is left to the form (e.g. an "Add" on Enter).
 *
 *   <label htmlFor={id}>Integration catalog</label>
 *   <Combobox id={id} value={catalog} onChange={setCatalog} listLabel="Catalogs in this workspace"
 *             suggestions={catalogs.map((c) => ({ value: c.name, detail: c.comment }))} loading={isPending} />
 *
 * Field (field.tsx) renders one for you when given `suggestions`.
 */
export function Combobox({ value, onChange, suggestions, listLabel, loading = false, testId, onPick, onKeyDown, onBlur, ...input }: ComboboxProps) {
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const { shown, hidden } = useMemo(() => filterSuggestions(suggestions, value), [suggestions, value]);
  const optionId = (i: number) => `${listId}-o${i}`;
  const expanded = open && (shown.length > 0 || loading);

  const pick = (s: Suggestion) => {
    onChange(s.value);
    onPick?.(s);
    setOpen(false);
    setActive(-1);
  };
  const keyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp' || ((e.key === 'PageDown' || e.key === 'PageUp') && expanded)) {
      e.preventDefault();
      if (!open) setOpen(true);
      setActive((a) => moveActive(open ? a : -1, shown.length, e.key));
      return;
    }
    if (e.key === 'Enter' && expanded && active >= 0 && shown[active]) {
      e.preventDefault();
      pick(shown[active]);
      return;
    }
    if (e.key === 'Escape' && open) {
      e.preventDefault();
      setOpen(false);
      setActive(-1);
      return;
    }
    onKeyDown?.(e);
  };

  return (
    <P.Root open={expanded} onOpenChange={(o) => (o ? undefined : setOpen(false))}>
      <P.Anchor asChild>
        <input
          {...input}
          ref={inputRef}
          type="text"
          role="combobox"
          value={value}
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          data-testid={testId}
          onChange={(e) => {
            onChange(e.currentTarget.value);
            setOpen(true);
            setActive(-1);
          }}
          onClick={() => setOpen((o) => !o)}
          onKeyDown={keyDown}
          onBlur={(e) => {
            setOpen(false);
            onBlur?.(e);
          }}
        />
      </P.Anchor>
      <P.Portal>
        <P.Content
          className="ui-popover ui-combobox__list"
          role="listbox"
          id={listId}
          aria-label={listLabel}
          align="start"
          sideOffset={4}
          collisionPadding={8}
          // Focus stays in the input: the list is read through aria-activedescendant.
          onOpenAutoFocus={(e) => e.preventDefault()}
          onCloseAutoFocus={(e) => e.preventDefault()}
          // A press on the input itself is not "outside": its own click handler toggles the list.
          onInteractOutside={(e) => {
            if (e.target instanceof Node && inputRef.current?.contains(e.target)) e.preventDefault();
          }}
        >
          {shown.map((s, i) => (
            <div
              key={s.id ?? s.value}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className="ui-combobox__option"
              // Keep focus (and the caret) in the input when an option is clicked.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(s)}
            >
              <span className="ui-combobox__value">{s.value}</span>
              {s.detail ? <span className="ui-combobox__detail">{s.detail}</span> : null}
            </div>
          ))}
          {loading ? <div className="ui-combobox__note">Loading suggestions…</div> : null}
          {hidden > 0 ? <div className="ui-combobox__note">{hidden} more: keep typing to narrow the list.</div> : null}
        </P.Content>
      </P.Portal>
    </P.Root>
  );
}
