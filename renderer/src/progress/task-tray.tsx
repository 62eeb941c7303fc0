import { useTasks } from './progress-store';
import { ProgressView } from './progress-view';

/** Every long task the window knows of, newest first, driven by `task.progress` events. */
export function TaskTray() {
  const tasks = useTasks();
  if (tasks.length === 0) return null;
  return (
    <div className="task-tray" data-testid="task-tray">
      {tasks.map((task) => (
        <ProgressView key={task.taskId} task={task} />
      ))}
    </div>
  );
}
