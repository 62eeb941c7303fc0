import * as A from 'radix-ui/alert-dialog';
import type { ReactNode } from 'react';
import './dialog.css';
import { useReturnFocus } from './use-return-focus';

export interface AlertDialogProps {
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  /** The question while asking ("Disconnect from prod?"), the outcome once done ("Disconnected"). */
  readonly title: ReactNode;
  readonly description?: ReactNode;
  readonly children: ReactNode;
  readonly testId?: string;
}

/**
 * A confirmation that interrupts (Radix AlertDialog, role="alertdialog"): it does not close on an outside click,
 * focus starts on the safe choice (AlertCancel) and returns to the button that opened it.
 *
 *   <AlertDialog open={open} onOpenChange={setOpen} title={done ? 'Disconnected' : 'Disconnect from prod?'}>
 *     <p>What happens…</p>
 *     <DialogActions>
 *       <AlertCancel>Keep connected</AlertCancel>
 *       <button className="button button--danger" onClick={run}>Disconnect</button>
 *     </DialogActions>
 *   </AlertDialog>
 *
 * An action that runs asynchronously is a plain button (the dialog stays open to show the outcome); a choice that
 * only closes is AlertCancel. Import DialogActions from dialog.tsx.
 */
export function AlertDialog({ open, onOpenChange, title, description, children, testId }: AlertDialogProps) {
  const returnFocus = useReturnFocus();
  return (
    <A.Root open={open} onOpenChange={onOpenChange}>
      <A.Portal>
        <A.Overlay className="ui-dialog__overlay" />
        <A.Content {...returnFocus} className="ui-dialog ui-dialog--normal" data-testid={testId} {...(description ? {} : { 'aria-describedby': undefined })}>
          <A.Title className="ui-dialog__title">{title}</A.Title>
          {description ? <A.Description className="ui-dialog__description">{description}</A.Description> : null}
          {children}
        </A.Content>
      </A.Portal>
    </A.Root>
  );
}

/** The safe choice: closes the dialog; focus starts here when it opens. */
export function AlertCancel({ children }: { readonly children: ReactNode }) {
  return <A.Cancel className="button">{children}</A.Cancel>;
}
