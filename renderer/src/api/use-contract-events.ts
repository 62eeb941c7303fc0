import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { UcbridgeApi } from '../../../shared/contract';
import type { LogEntry } from '../../../shared/contract/app';
import { recordProgress } from '../progress/progress-store';
import { useApi } from './api-context';
import { channelKey } from './channel-call';

const DEFAULT_LOG_LIMIT = 200;

/** Appends a pushed log line to every cached `app.recentLogs` query, keeping each to its own limit. */
function appendLogEntry(queryClient: QueryClient, entry: LogEntry): void {
  for (const [key, data] of queryClient.getQueriesData<LogEntry[]>({ queryKey: ['app', 'recentLogs'] })) {
    if (!data) continue;
    const input = key[2] as { limit?: number } | undefined;
    const limit = input?.limit ?? DEFAULT_LOG_LIMIT;
    queryClient.setQueryData<LogEntry[]>(key, [...data, entry].slice(-limit));
  }
}

/**
 * Main → renderer events: `session.changed` replaces the cached session state, `task.progress` feeds the progress
 * store, `log.entry` extends cached recent logs. All three are subscribed in one go: in the desktop app the first
 * subscription tells main the page listens, and the events it queued while the page loaded follow a task later.
 */
export function subscribeContractEvents(api: UcbridgeApi, queryClient: QueryClient): () => void {
  const unsubscribes = [
    api.on('session.changed', (state) => queryClient.setQueryData(channelKey('session', 'state', {}), state)),
    api.on('task.progress', recordProgress),
    api.on('log.entry', (entry) => appendLogEntry(queryClient, entry)),
  ];
  return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
}

/** The contract's events, wired once at the root (after mount). */
export function useContractEvents(): void {
  const api = useApi();
  const queryClient = useQueryClient();
  useEffect(() => subscribeContractEvents(api, queryClient), [api, queryClient]);
}
