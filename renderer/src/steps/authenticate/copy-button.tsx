import { useState } from 'react';
import { announce } from '../../status/announcer';

/** Copies one value (a redirect URL, the sign-in link); says so, or shows the value selected when refused. */
export function CopyButton({ value, label }: { readonly value: string; readonly label: string }) {
  const [refused, setRefused] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setRefused(false);
      announce(`${label} copied.`);
    } catch {
      setRefused(true);
      announce('Copying was refused: select the text and copy it.');
    }
  };
  return (
    <span className="copy-button">
      <button type="button" className="button button--quiet" onClick={() => void copy()}>
        Copy {label}
      </button>
      {refused ? <input className="copy-button__manual" readOnly value={value} aria-label={label} onFocus={(e) => e.currentTarget.select()} /> : null}
    </span>
  );
}
