import { useId, type ReactNode } from 'react';

export interface FieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly problem?: string;
  readonly help?: ReactNode;
  readonly type?: 'text' | 'password' | 'url';
  readonly placeholder?: string;
  readonly multiline?: boolean;
  readonly testId?: string;
}

/** A labelled input whose problem (from the shared validation rules) is announced and tied to it. */
export function Field(p: FieldProps) {
  const id = useId();
  const helpId = `${id}-help`;
  const problemId = `${id}-problem`;
  const describedBy = [p.help ? helpId : '', p.problem ? problemId : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value: p.value,
    'aria-invalid': p.problem ? true : undefined,
    'aria-describedby': describedBy,
    'data-testid': p.testId,
    spellCheck: false,
    autoComplete: 'off',
  } as const;
  return (
    <div className="auth-field">
      <label htmlFor={id}>{p.label}</label>
      {p.multiline ? (
        <textarea {...common} rows={3} onChange={(e) => p.onChange(e.currentTarget.value)} placeholder={p.placeholder} />
      ) : (
        <input {...common} type={p.type ?? 'text'} onChange={(e) => p.onChange(e.currentTarget.value)} placeholder={p.placeholder} />
      )}
      {p.help ? (
        <p id={helpId} className="auth-field__help">
          {p.help}
        </p>
      ) : null}
      {p.problem ? (
        <p id={problemId} className="auth-field__problem" role="alert">
          {p.problem}
        </p>
      ) : null}
    </div>
  );
}
