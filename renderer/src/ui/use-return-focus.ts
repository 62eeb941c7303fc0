import { useRef } from 'react';

/**
 * Radix returns focus to its own Trigger on close; the app's dialogs are opened from anywhere (a header button, a
 * row action) without one. This remembers what had focus when the dialog opened and gives it back on close.
 * Spread the result onto Dialog/AlertDialog Content.
 */
export function useReturnFocus() {
  const returnTo = useRef<HTMLElement | null>(null);
  return {
    onOpenAutoFocus: () => {
      // Runs before Radix moves focus into the dialog: the opener still has it.
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    },
    onCloseAutoFocus: (e: Event) => {
      e.preventDefault();
      if (returnTo.current?.isConnected) returnTo.current.focus();
      returnTo.current = null;
    },
  };
}
