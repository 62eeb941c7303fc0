import { app } from 'electron';

/** How long quitting waits for the main process to dispose: past it, the app quits anyway. */
export const DISPOSE_LIMIT_MS = 5_000;

export type DisposeOutcome = 'disposed' | 'failed' | 'timed-out';

/** `dispose()`'s outcome, or 'timed-out' once `limitMs` has passed (the timer never keeps the process alive). */
export async function disposeWithin(dispose: () => Promise<void>, limitMs: number): Promise<DisposeOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<DisposeOutcome>((resolve) => {
    timer = setTimeout(() => resolve('timed-out'), limitMs);
    timer.unref();
  });
  const done = dispose().then(
    (): DisposeOutcome => 'disposed',
    (): DisposeOutcome => 'failed',
  );
  try {
    return await Promise.race([done, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Quitting waits for `dispose()` (the last log lines, the SQL sessions' close calls, the sandbox child's stop):
 * the first `will-quit` is prevented, dispose runs with a time limit, then the app quits for real and that second
 * `will-quit` passes. `before-quit` could not do it: Electron does not wait for a promise started there.
 */
export function disposeBeforeQuit(
  dispose: () => Promise<void>,
  options: { readonly limitMs?: number; readonly onDisposed?: (outcome: DisposeOutcome) => void } = {},
): void {
  let state: 'running' | 'disposing' | 'done' = 'running';
  app.on('will-quit', (event) => {
    if (state === 'done') return;
    event.preventDefault();
    if (state === 'disposing') return;
    state = 'disposing';
    void disposeWithin(dispose, options.limitMs ?? DISPOSE_LIMIT_MS).then((outcome) => {
      state = 'done';
      options.onDisposed?.(outcome);
      app.quit();
    });
  });
}
