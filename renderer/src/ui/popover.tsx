import * as P from 'radix-ui/popover';
import type { ReactElement, ReactNode } from 'react';
import './popover.css';

export interface PopoverProps {
  /** The button that opens it (it gets aria-expanded and aria-controls). */
  readonly trigger: ReactElement;
  readonly children: ReactNode;
  /** Names the popover for screen readers when its content has no heading. */
  readonly label: string;
  readonly open?: boolean;
  readonly onOpenChange?: (open: boolean) => void;
  readonly testId?: string;
  readonly side?: 'top' | 'right' | 'bottom' | 'left';
}

/**
 * A small non-modal panel next to its button (Radix Popover): opens on click, closes on Escape or a click outside,
 * and Escape returns focus to the button.
 *
 *   <Popover label="Why memory only?" trigger={<button className="link-button">Why?</button>}>
 *     <p>No OS keychain is available…</p>
 *   </Popover>
 *
 * Uncontrolled by default; pass `open`/`onOpenChange` to control it. For suggestions under a text field use
 * Combobox (combobox.tsx), which is built on this primitive.
 */
export function Popover({ trigger, children, label, open, onOpenChange, testId, side = 'bottom' }: PopoverProps) {
  return (
    <P.Root {...(open === undefined ? {} : { open })} {...(onOpenChange ? { onOpenChange } : {})}>
      <P.Trigger asChild>{trigger}</P.Trigger>
      <P.Portal>
        <P.Content className="ui-popover" side={side} align="start" sideOffset={6} collisionPadding={8} aria-label={label} data-testid={testId}>
          {children}
        </P.Content>
      </P.Portal>
    </P.Root>
  );
}
