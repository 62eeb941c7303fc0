import { Copy } from 'lucide-react';
import { useState } from 'react';
import { notify } from '../notices/notice-store';
import { announce } from '../status/announcer';

/**
 * Copies one value (a redirect URL, the sign-in link, a fix's SQL) and says so with a toast; when the platform
 * refuses the clipboard, shows the value selected in a field to copy by hand.
 *
 *   <CopyButton value={authorizeUrl} label="sign-in link" />      → a button "Copy sign-in link"
 */
export function CopyButton({ value, label, testId }: { readonly value: string; readonly label: string; readonly testId?: string }) {
  const [refused, setRefused] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setRefused(false);
      notify(`Copied the ${label}.`);
    } catch {
      setRefused(true);
      announce('Copying was refused: select the text and copy it.');
    }
  };
  return (
    <span className="copy-button">
      <button type="button" className="button button--quiet" onClick={() => void copy()} data-testid={testId}>
        <Copy size={15} />
        Copy {label}
      </button>
      {refused ? <input className="input copy-button__manual" readOnly value={value} aria-label={label} onFocus={(e) => e.currentTarget.select()} /> : null}
    </span>
  );
}
