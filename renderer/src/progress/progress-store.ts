import { useEffect, useMemo } from 'react';
import type { TaskProgress } from '../../../shared/contract/task';
import { createStore, useStore } from '../lib/store';
import { notify } from '../notices/notice-store';
import { announce } from '../status/announcer';
import type { StepId } from '../steps/step-types';

export interface TrackedTask extends TaskProgress {
  /** Order of first appearance, newest highest. */
  readonly seq: number;
  /** The task's first label ("Applying the set-up"): what the task is. Later labels say what it is doing now. */
  readonly title: string;
}

const tasks = createStore<ReadonlyMap<string, TrackedTask>>(new Map());
let seq = 0;

/** Fed by `task.progress` events (api/use-contract-events.ts). */
/** Tasks a step shows in place, next to the button that started them: the tray leaves those out. */
const shownInPlace = createStore<ReadonlySet<string>>(new Set());

export function recordProgress(progress: TaskProgress): void {
  const previous = tasks.get().get(progress.taskId);
  const title = previous?.title ?? progress.label;
  // Announce state transitions only: every label or count change would be far too chatty.
  if (previous?.state !== progress.state) announce(announcement({ ...progress, label: title }));
  // A background task (not shown beside its button) that finished well says so once, in a toast that clears
  // itself; a cancelled one is not an error and leaves nothing behind; a failed one is reported by its caller.
  if (previous?.state === 'running' && progress.state === 'succeeded' && !shownInPlace.get().has(progress.taskId)) notify(`Done: ${title}`);
  tasks.set((current) => {
    const next = new Map(current);
    next.set(progress.taskId, { ...progress, title, seq: current.get(progress.taskId)?.seq ?? ++seq });
    return next;
  });
}

/** Forgets every task that is no longer running (after switching workspace). */
export function forgetFinishedTasks(): void {
  tasks.set((current) => {
    const next = new Map([...current].filter(([, t]) => t.state === 'running'));
    return next.size === current.size ? current : next;
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

/** Every running task not shown in place, newest first: the tray's cards (a finished task leaves the tray). */
export function useTasks(): readonly TrackedTask[] {
  const map = useStore(tasks);
  const inPlace = useStore(shownInPlace);
  return useMemo(() => [...map.values()].filter((t) => t.state === 'running' && !inPlace.has(t.taskId)).sort((a, b) => b.seq - a.seq), [map, inPlace]);
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

/** The wizard step (and part) that started a task: while the task runs, that step reads "In progress". */
export interface TaskOwner {
  readonly step: StepId;
  readonly subStep?: string;
}

// Not a store: a task's owner is fixed when its id is made, and the tasks store re-renders when it starts running.
const owners = new Map<string, TaskOwner>();

/**
 * A fresh task id to pass to a long-running channel, so its progress and cancel refer to exactly that call.
 * `owner` says which step started it (shell/use-running-steps.ts turns a running task into the step's status).
 */
export function newTaskId(owner?: TaskOwner): string {
  const id = `t${crypto.randomUUID().replaceAll('-', '')}`;
  if (owner) owners.set(id, owner);
  return id;
}

/** The owners of every running task, shown in place or in the tray. */
export function useRunningOwners(): readonly TaskOwner[] {
  const map = useStore(tasks);
  return useMemo(() => [...map.values()].flatMap((t) => (t.state === 'running' ? (owners.get(t.taskId) ?? []) : [])), [map]);
}
