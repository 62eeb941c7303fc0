import * as D from 'radix-ui/dialog';
import { X } from 'lucide-react';
import type { ReactNode } from 'react';
import './dialog.css';
import { useReturnFocus } from './use-return-focus';

export interface DialogProps {
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  /** Says what the dialog is about now: change it with the outcome ("Imported 12 users", not the question). */
  readonly title: ReactNode;
  readonly description?: ReactNode;
  readonly children: ReactNode;
  readonly testId?: string;
  /** Wider body for tables or previews. */
  readonly size?: 'normal' | 'wide';
}

/**
 * A modal dialog for work that is not a yes/no confirmation (a form, a preview). Radix Dialog: focus is trapped,
 * Escape and the close button close it, focus returns to whatever opened it, title and description are wired up.
 *
 *   const [open, setOpen] = useState(false);
 *   <button className="button" onClick={() => setOpen(true)}>Import users…</button>
 *   <Dialog open={open} onOpenChange={setOpen} title="Import users" description="From a CSV file.">
 *     …fields…
 *     <DialogActions><button className="button" onClick={() => setOpen(false)}>Cancel</button>…</DialogActions>
 *   </Dialog>
 *
 * For "are you sure?" use AlertDialog (alert-dialog.tsx) instead.
 */
export function Dialog({ open, onOpenChange, title, description, children, testId, size = 'normal' }: DialogProps) {
  const returnFocus = useReturnFocus();
  return (
    <D.Root open={open} onOpenChange={onOpenChange}>
      <D.Portal>
        <D.Overlay className="ui-dialog__overlay" />
        <D.Content {...returnFocus} className={`ui-dialog ui-dialog--${size}`} data-testid={testId} {...(description ? {} : { 'aria-describedby': undefined })}>
          <D.Title className="ui-dialog__title">{title}</D.Title>
          {description ? <D.Description className="ui-dialog__description">{description}</D.Description> : null}
          {children}
          <D.Close className="ui-dialog__close button button--quiet button--icon" aria-label="Close">
            <X size={18} />
          </D.Close>
        </D.Content>
      </D.Portal>
    </D.Root>
  );
}

/** The row of buttons at the bottom of a dialog: the safe choice first, the main action last (on the right). */
export function DialogActions({ children }: { readonly children: ReactNode }) {
  return <div className="ui-dialog__actions">{children}</div>;
}
