import type { TaskId, TaskProgress } from '../../../shared/contract/task';
import { AppFailure } from '../../../shared/result';
import type { EventHub } from '../../gateway/event-hub';
import type { Clock, Logger } from '../../ports';

export interface TaskHandle {
  readonly id: TaskId;
  /** Aborted when the user cancels (or the app quits); pass it to every fetch, sleep and query. */
  readonly signal: AbortSignal;
  /** Reports progress; intermediate updates are throttled, label changes and completion are not. */
  progress(update: { readonly label?: string; readonly done?: number; readonly total?: number }): void;
}

export interface TaskOptions {
  readonly label: string;
  readonly total?: number;
  readonly cancellable?: boolean;
}

export interface TaskRegistry {
  /**
   * Runs `work` as task `id`, publishing `task.progress` from start to finish. A cancelled task settles at once
   * with `CANCELLED`, even if `work` is slow to notice its signal.
   */
  run<T>(id: TaskId, options: TaskOptions, work: (task: TaskHandle) => Promise<T>): Promise<T>;
  /** False when no such task is running, or it cannot be cancelled. */
  cancel(id: string): boolean;
  cancelAll(): void;
  running(): readonly TaskId[];
}

export interface TaskRegistryDeps {
  readonly events: EventHub;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Crawls report per table; the renderer needs a few updates a second, not 100,000. */
  readonly minIntervalMs?: number;
}

const cancelled = (): AppFailure => new AppFailure({ code: 'CANCELLED', message: 'Cancelled.' });

export function createTaskRegistry(deps: TaskRegistryDeps): TaskRegistry {
  const { events, clock, logger } = deps;
  const minInterval = deps.minIntervalMs ?? 100;
  const live = new Map<string, { controller: AbortController; cancellable: boolean }>();

  return {
    async run(id, options, work) {
      if (live.has(id)) throw new AppFailure({ code: 'CONFLICT', message: 'That task is already running.' });
      const controller = new AbortController();
      const cancellable = options.cancellable ?? true;
      live.set(id, { controller, cancellable });
      const total = options.total ?? 0;
      let last: TaskProgress = { taskId: id, label: options.label, done: 0, total, state: 'running', cancellable };
      let lastAt = clock.now();
      const publish = (next: TaskProgress): void => {
        last = next;
        lastAt = clock.now();
        events.publish('task.progress', next);
      };
      publish(last);
      const handle: TaskHandle = {
        id,
        signal: controller.signal,
        progress(update) {
          if (controller.signal.aborted || !live.has(id)) return;
          const next = { ...last, ...update };
          const finished = next.total > 0 && next.done >= next.total;
          if (next.label !== last.label || finished || clock.now() - lastAt >= minInterval) publish(next);
          else last = next;
        },
      };
      const aborted = new Promise<never>((_, reject) => {
        controller.signal.addEventListener('abort', () => reject(cancelled()), { once: true });
      });
      const working = work(handle);
      try {
        const value = await Promise.race([working, aborted]);
        publish({ ...last, done: last.total > 0 ? last.total : last.done, state: 'succeeded', cancellable: false });
        return value;
      } catch (e) {
        const state = controller.signal.aborted ? 'cancelled' : 'failed';
        publish({ ...last, state, cancellable: false });
        if (state === 'cancelled') {
          working.catch((late: unknown) => logger.debug('a cancelled task ended with an error', { id, error: late }));
          throw cancelled();
        }
        throw e;
      } finally {
        live.delete(id);
      }
    },
    cancel(id) {
      const task = live.get(id);
      if (!task || !task.cancellable || task.controller.signal.aborted) return false;
      logger.info('task cancelled', { id });
      task.controller.abort(cancelled());
      return true;
    },
    cancelAll() {
      for (const task of live.values()) task.controller.abort(cancelled());
    },
    running: () => [...live.keys()],
  };
}
