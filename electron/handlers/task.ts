import { ok } from '../../shared/result';
import type { DomainHandlers } from '../gateway/handlers';
import type { TaskRegistry } from '../services/tasks/task-registry';

export function setupTask(deps: { readonly tasks: TaskRegistry }): DomainHandlers<'task'> {
  return {
    cancel: async ({ taskId }) => ok({ cancelled: deps.tasks.cancel(taskId) }),
  };
}
