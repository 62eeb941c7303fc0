import * as T from 'radix-ui/tooltip';
import type { ReactElement, ReactNode } from 'react';
import './popover.css';

/** Wraps the app once (app.tsx): one delay for every tooltip, and moving between triggers shows the next at once. */
export function TooltipProvider({ children }: { readonly children: ReactNode }) {
  return (
    <T.Provider delayDuration={350} skipDelayDuration={200}>
      {children}
    </T.Provider>
  );
}

export interface TooltipProps {
  /** Extra, non-essential text: what a control does, why it is disabled, the full text of a cut name. */
  readonly content: ReactNode;
  /** One focusable element (a button, a link, a span with tabIndex=0): it shows the tip on hover and on focus. */
  readonly children: ReactElement;
  readonly side?: 'top' | 'right' | 'bottom' | 'left';
}

/**
 * Radix Tooltip: shown on hover and keyboard focus, hidden on Escape, linked to its trigger by aria-describedby.
 *
 *   <Tooltip content="Revoke and forget the tokens"><button className="button">Disconnect</button></Tooltip>
 *
 * Never put the only copy of something essential in a tooltip (touch and screen-magnifier users may miss it): for a
 * disabled action use <Button disabledReason> (button.tsx), which also says the reason to screen readers.
 */
export function Tooltip({ content, children, side = 'top' }: TooltipProps) {
  return (
    <T.Root>
      <T.Trigger asChild>{children}</T.Trigger>
      <T.Portal>
        <T.Content className="ui-tooltip" side={side} sideOffset={6} collisionPadding={8}>
          {content}
          <T.Arrow className="ui-tooltip__arrow" width={10} height={5} />
        </T.Content>
      </T.Portal>
    </T.Root>
  );
}
