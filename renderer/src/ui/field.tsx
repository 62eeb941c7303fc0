import { useId, type ReactNode } from 'react';
import type { Suggestion } from './combobox-state';
import { Combobox } from './combobox';
import './field.css';

export interface FieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** What is wrong, shown right under the field (and tied to it with aria-describedby / aria-invalid). */
  readonly problem?: string | undefined;
  readonly help?: ReactNode;
  readonly type?: 'text' | 'password' | 'url' | 'search';
  readonly placeholder?: string;
  readonly multiline?: boolean;
  readonly testId?: string;
  /** Turns the input into a Combobox: these are offered while typing; any other text is still accepted. */
  readonly suggestions?: readonly Suggestion[];
  readonly suggestionsLabel?: string;
  readonly suggestionsLoading?: boolean;
  /** The control's id, when something else points at it (a FormProblems link); generated otherwise. */
  readonly id?: string;
}

/**
 * A labelled field: input, textarea or combobox, with its help and its problem under it. The problem is tied to the
 * control (aria-invalid, aria-describedby) and announced when it appears.
 *
 *   <Field label="Integration catalog" value={form.catalog} onChange={(catalog) => patch({ catalog })}
 *          problem={problems.catalog} help="Letters, digits and underscores."
 *          suggestions={catalogs} suggestionsLabel="Catalogs in this workspace" />
 *
 * Field-level problems belong here, next to the field; the form's summary goes next to its submit button
 * (FormProblems, form-problems.tsx), never in a corner of the window.
 */
export function Field(p: FieldProps) {
  const generated = useId();
  const id = p.id ?? generated;
  const helpId = `${id}-help`;
  const problemId = `${id}-problem`;
  const describedBy = [p.help ? helpId : '', p.problem ? problemId : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    'aria-invalid': p.problem ? true : undefined,
    'aria-describedby': describedBy,
    spellCheck: false,
    autoComplete: 'off',
    placeholder: p.placeholder,
  } as const;
  return (
    <div className="field">
      <label htmlFor={id}>{p.label}</label>
      {p.suggestions ? (
        <Combobox
          {...common}
          value={p.value}
          onChange={p.onChange}
          suggestions={p.suggestions}
          listLabel={p.suggestionsLabel ?? `Suggestions for ${p.label}`}
          loading={p.suggestionsLoading ?? false}
          {...(p.testId ? { testId: p.testId } : {})}
        />
      ) : p.multiline ? (
        <textarea {...common} value={p.value} data-testid={p.testId} rows={3} onChange={(e) => p.onChange(e.currentTarget.value)} />
      ) : (
        <input {...common} value={p.value} data-testid={p.testId} type={p.type ?? 'text'} onChange={(e) => p.onChange(e.currentTarget.value)} />
      )}
      {p.help ? (
        <p id={helpId} className="field__help">
          {p.help}
        </p>
      ) : null}
      {p.problem ? (
        <p id={problemId} className="field__problem" role="alert">
          {p.problem}
        </p>
      ) : null}
    </div>
  );
}
