import { z } from 'zod';
import { channel, event } from './define';

/**
 * Long operations (sign-in, apply, crawl) take a caller-chosen task id so the renderer can show progress for,
 * and cancel, exactly the operation it started.
 */
export const TaskIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'task id: 8-64 letters, digits, _ or -');
export type TaskId = z.infer<typeof TaskIdSchema>;

export const TaskProgressSchema = z.object({
  taskId: TaskIdSchema,
  /** What the task is doing now, in plain language ("Waiting for the browser…"). */
  label: z.string(),
  /** Completed units and total units; total 0 means indeterminate. */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  state: z.enum(['running', 'succeeded', 'failed', 'cancelled']),
  cancellable: z.boolean(),
});
export type TaskProgress = z.infer<typeof TaskProgressSchema>;

export const taskChannels = {
  cancel: channel({
    input: z.object({ taskId: TaskIdSchema }).strict(),
    output: z.object({ cancelled: z.boolean() }),
    summary: 'Cancel a running task; answers false when no such task is running.',
  }),
} as const;

export const taskEvents = {
  'task.progress': event({ payload: TaskProgressSchema, summary: 'Progress of a long task.' }),
} as const;
