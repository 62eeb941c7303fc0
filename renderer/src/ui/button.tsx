import { useId, type ButtonHTMLAttributes, type MouseEvent, type Ref } from 'react';
import { Tooltip } from './tooltip';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** When set, the button is disabled and says why (tooltip on hover and focus, and to screen readers). */
  readonly disabledReason?: string | undefined;
  /** Busy: clicks are ignored and aria-busy is set, but focus stays on it (unlike `disabled`). */
  readonly busy?: boolean;
  readonly ref?: Ref<HTMLButtonElement>;
}

/**
 * The app's button. `className` carries the look (`button`, `button button--primary`, …, controls.css).
 *
 *   <Button className="button" disabledReason={signedIn ? undefined : 'Sign in first: there is no session to end.'}
 *           onClick={disconnect}>Disconnect</Button>
 *   <Button className="button button--primary" busy={saving} onClick={save}>{saving ? 'Saving…' : 'Save'}</Button>
 *
 * A disabled reason uses aria-disabled rather than `disabled`, so the button stays focusable and its tooltip can be
 * read by keyboard (a `disabled` button gets neither focus nor hover events); Playwright's toBeDisabled() sees it.
 */
export function Button({ disabledReason, busy = false, onClick, type = 'button', ref, ...rest }: ButtonProps) {
  const reasonId = useId();
  const blocked = disabledReason !== undefined;
  const click = (e: MouseEvent<HTMLButtonElement>) => {
    if (blocked || busy) {
      e.preventDefault();
      return;
    }
    onClick?.(e);
  };
  const button = (
    <button
      {...rest}
      ref={ref}
      type={type}
      onClick={click}
      aria-busy={busy || undefined}
      aria-disabled={blocked || undefined}
      aria-describedby={blocked ? [rest['aria-describedby'], reasonId].filter(Boolean).join(' ') : rest['aria-describedby']}
    />
  );
  if (!blocked) return button;
  return (
    <>
      <Tooltip content={disabledReason}>{button}</Tooltip>
      {/* Hidden, yet still read as the button's description (aria-describedby includes hidden elements). */}
      <span id={reasonId} hidden>
        {disabledReason}
      </span>
    </>
  );
}
