import * as C from 'radix-ui/collapsible';
import { ChevronRight } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import './disclosure.css';

export interface DisclosureProps {
  /** The always-visible line: a summary of what is inside ("20 privileges, 4 for you…"). */
  readonly summary: ReactNode;
  readonly children: ReactNode;
  readonly defaultOpen?: boolean;
  readonly open?: boolean;
  readonly onOpenChange?: (open: boolean) => void;
  readonly testId?: string;
  readonly className?: string;
}

/**
 * Show/hide one block (Radix Collapsible: a button with aria-expanded and aria-controls). Replaces <details>.
 *
 *   <Disclosure summary="Recent log" onOpenChange={setOpen}>…lines…</Disclosure>
 *
 * The content is unmounted while closed, so a closed disclosure costs nothing (fetch on open via onOpenChange).
 * That includes Radix's content element: mounted, it reads the computed style and measures its height in a layout
 * effect even while closed, and the first render's closed disclosures forced the page's style and layout several
 * times before anything was painted. The trigger's aria-controls names no element while it says aria-expanded=false
 * (allowed: WAI-ARIA's disclosure pattern, and axe's aria-valid-attr-value skips that case).
 */
export function Disclosure({ summary, children, defaultOpen = false, open, onOpenChange, testId, className }: DisclosureProps) {
  const [ownOpen, setOwnOpen] = useState(defaultOpen);
  const shown = open ?? ownOpen;
  const change = (next: boolean) => {
    setOwnOpen(next);
    onOpenChange?.(next);
  };
  return (
    <C.Root className={`ui-disclosure${className ? ` ${className}` : ''}`} open={shown} onOpenChange={change} data-testid={testId}>
      <C.Trigger className="ui-disclosure__trigger">
        <ChevronRight size={16} className="ui-disclosure__chevron" />
        <span>{summary}</span>
      </C.Trigger>
      {shown ? <C.Content className="ui-disclosure__content">{children}</C.Content> : null}
    </C.Root>
  );
}
