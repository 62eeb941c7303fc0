import { useEffect, useMemo } from 'react';
import type { TaskProgress } from '../../../shared/contract/task';
import { createStore, useStore } from '../lib/store';
import { announce } from '../status/announcer';

export interface TrackedTask extends TaskProgress {
  /** Order of first appearance, newest highest. */
  readonly seq: number;
}

const tasks = createStore<ReadonlyMap<string, TrackedTask>>(new Map());
let seq = 0;

/** Fed by `task.progress` events (api/use-contract-events.ts). */
export function recordProgress(progress: TaskProgress): void {
  const previous = tasks.get().get(progress.taskId);
  // Announce state transitions only: every label or count change would be far too chatty.
  if (previous?.state !== progress.state) announce(announcement(progress));
  tasks.set((current) => {
    const next = new Map(current);
    next.set(progress.taskId, { ...progress, seq: current.get(progress.taskId)?.seq ?? ++seq });
    return next;
  });
}

const announcement = ({ state, label }: TaskProgress): string => {
  switch (state) {
    case 'running':
      return `Started: ${label}`;
    case 'succeeded':
      return `Done: ${label}`;
    case 'failed':
      return `Failed: ${label}`;
    case 'cancelled':
      return `Cancelled: ${label}`;
  }
};

/** Hides a finished task from the progress view. */
export function dismissTask(taskId: string): void {
  tasks.set((current) => {
    if (!current.has(taskId)) return current;
    const next = new Map(current);
    next.delete(taskId);
    return next;
  });
}

/** Tasks a step shows in place, next to the button that started them: the tray leaves those out. */
const shownInPlace = createStore<ReadonlySet<string>>(new Set());

/** Every task the window has heard of and not dismissed, newest first (except those a step shows in place). */
export function useTasks(): readonly TrackedTask[] {
  const map = useStore(tasks);
  const inPlace = useStore(shownInPlace);
  return useMemo(() => [...map.values()].filter((t) => !inPlace.has(t.taskId)).sort((a, b) => b.seq - a.seq), [map, inPlace]);
}

/**
 * Like useTaskProgress, for a step that renders the task's ProgressView itself (beside the action, where the
 * user is looking): while mounted, the task tray does not show it a second time.
 */
export function useTaskShownInPlace(taskId: string | undefined): TrackedTask | undefined {
  useEffect(() => {
    if (taskId === undefined) return;
    shownInPlace.set((current) => new Set(current).add(taskId));
    return () => {
      shownInPlace.set((current) => {
        const next = new Set(current);
        next.delete(taskId);
        return next;
      });
      // Replaced or unmounted: a finished task was already seen in place; only a running one moves to the tray.
      if (tasks.get().get(taskId)?.state !== 'running') dismissTask(taskId);
    };
  }, [taskId]);
  return useTaskProgress(taskId);
}

/** The latest progress of one task, for a step that started it. */
export function useTaskProgress(taskId: string | undefined): TrackedTask | undefined {
  const map = useStore(tasks);
  return taskId === undefined ? undefined : map.get(taskId);
}

/** A fresh task id to pass to a long-running channel, so its progress and cancel refer to exactly that call. */
export function newTaskId(): string {
  return `t${crypto.randomUUID().replaceAll('-', '')}`;
}
