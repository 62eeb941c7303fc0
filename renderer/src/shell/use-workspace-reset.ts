import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { clearNotices } from '../notices/notice-store';
import { forgetFinishedTasks } from '../progress/progress-store';

/** Query domains about the app and the session itself; every other cached answer belongs to the workspace it came from. */
const KEPT_ACROSS_WORKSPACES = new Set<string>(['app', 'session', 'auth']);

/**
 * After signing in to another workspace (or out), nothing about the previous one may linger: its cached answers
 * (integration status, plans, warehouses…), its notices and its finished tasks are dropped, so each step asks the
 * new workspace afresh instead of showing, say, "The integration was uninstalled" from the last one.
 */
export function useWorkspaceReset(workspaceUrl: string | undefined, loaded: boolean): void {
  const queryClient = useQueryClient();
  const previous = useRef<string | undefined | null>(null);
  useEffect(() => {
    if (!loaded) return;
    const before = previous.current;
    previous.current = workspaceUrl;
    if (before === null || before === workspaceUrl) return;
    queryClient.removeQueries({ predicate: (q) => !KEPT_ACROSS_WORKSPACES.has(String(q.queryKey[0])) });
    clearNotices();
    forgetFinishedTasks();
  }, [workspaceUrl, loaded, queryClient]);
}
