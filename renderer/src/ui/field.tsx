import { useId, type ReactNode } from 'react';
import './field.css';

/** What a field hands its control: its id and the attributes that tie it to the label, help and problem. */
export interface FieldControlProps {
  readonly id: string;
  readonly 'aria-invalid': true | undefined;
  readonly 'aria-describedby': string | undefined;
  readonly spellCheck: false;
  readonly autoComplete: 'off';
  readonly placeholder: string | undefined;
}

export interface FieldFrameProps {
  readonly label: string;
  /** What is wrong, shown right under the field (and tied to it with aria-describedby / aria-invalid). */
  readonly problem?: string | undefined;
  readonly help?: ReactNode;
  readonly placeholder?: string;
  /** The control's id, when something else points at it (a FormProblems link); generated otherwise. */
  readonly id?: string;
}

/** The label, help and problem around a control (Field's and ComboboxField's, combobox-field.tsx). */
export function FieldFrame({ label, problem, help, placeholder, id: given, control }: FieldFrameProps & { readonly control: (props: FieldControlProps) => ReactNode }) {
  const generated = useId();
  const id = given ?? generated;
  const helpId = `${id}-help`;
  const problemId = `${id}-problem`;
  const describedBy = [help ? helpId : '', problem ? problemId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {control({ id, 'aria-invalid': problem ? true : undefined, 'aria-describedby': describedBy, spellCheck: false, autoComplete: 'off', placeholder })}
      {help ? (
        <p id={helpId} className="field__help">
          {help}
        </p>
      ) : null}
      {problem ? (
        <p id={problemId} className="field__problem" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

export interface FieldProps extends FieldFrameProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly type?: 'text' | 'password' | 'url' | 'search';
  readonly multiline?: boolean;
  readonly testId?: string;
}

/**
 * A labelled field: input or textarea, with its help and its problem under it. The problem is tied to the control
 * (aria-invalid, aria-describedby) and announced when it appears. With suggestions from the workspace, use
 * ComboboxField (combobox-field.tsx: its own module, so the first render's script carries no combobox code).
 *
 *   <Field label="Client id" value={form.clientId} onChange={(clientId) => patch({ clientId })}
 *          problem={problems.clientId} help="From the app connection." />
 *
 * Field-level problems belong here, next to the field; the form's summary goes next to its submit button
 * (FormProblems, form-problems.tsx), never in a corner of the window.
 */
export function Field(p: FieldProps) {
  return (
    <FieldFrame
      {...p}
      control={(common) =>
        p.multiline ? (
          <textarea {...common} value={p.value} data-testid={p.testId} rows={3} onChange={(e) => p.onChange(e.currentTarget.value)} />
        ) : (
          <input {...common} value={p.value} data-testid={p.testId} type={p.type ?? 'text'} onChange={(e) => p.onChange(e.currentTarget.value)} />
        )
      }
    />
  );
}
