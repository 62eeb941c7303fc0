import type { EventName, EventPayload } from '../../shared/contract';

export interface TaskControl {
  readonly taskId: string;
  /** Reports progress through main's task registry (which publishes `task.progress`). */
  progress(update: { readonly label?: string; readonly done?: number; readonly total?: number }): Promise<void>;
  /** Lets the task finish successfully. */
  succeed(): Promise<void>;
  /** How the task ended in main: `cancelled` after the renderer's Cancel reached `task.cancel`. */
  outcome(): Promise<'succeeded' | 'failed' | 'cancelled'>;
}

/**
 * What a scenario needs from the process behind the window, beyond the page: the browser harness implements it
 * in-process, the `_electron` run inside Electron's main process. Both go through the real event hub and task
 * registry, so the renderer sees exactly what a real operation would produce.
 */
export interface ScenarioHost {
  readonly mode: 'harness' | 'electron';
  publish<E extends EventName>(name: E, payload: EventPayload<E>): Promise<void>;
  startTask(options: { readonly label: string; readonly total?: number }): Promise<TaskControl>;
  /** The system clipboard's text (what "Copy details" wrote). */
  readClipboard(): Promise<string>;
  /** Where the scenario's screenshots go: `e2e/screenshots/<mode>-<name>.png`. */
  screenshotPath(name: string): string;
}
