import { useEffect, useState } from 'react';
import type { EventPayload } from '../../../../shared/contract';
import { useApi } from '../../api/api-context';

export type StepEvent = EventPayload<'integration.step'>;
export type StepStates = ReadonlyMap<string, StepEvent>;

const NONE: StepStates = new Map();

/** The latest state of each plan step of one apply, from `integration.step` events for its task id. */
export function useStepEvents(taskId: string | undefined): StepStates {
  const api = useApi();
  // Kept with the task id it belongs to, so a new apply starts from no states without resetting in the effect.
  const [held, setHeld] = useState<{ readonly taskId: string | undefined; readonly states: StepStates }>({ taskId: undefined, states: NONE });
  useEffect(() => {
    if (taskId === undefined) return;
    return api.on('integration.step', (event) => {
      if (event.taskId !== taskId) return;
      setHeld((current) => ({ taskId, states: new Map(current.taskId === taskId ? current.states : NONE).set(event.stepId, event) }));
    });
  }, [api, taskId]);
  return held.taskId === taskId ? held.states : NONE;
}
