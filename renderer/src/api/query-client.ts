import { QueryClient } from '@tanstack/react-query';

/**
 * Every query and mutation is an IPC call to main, which owns networking, retries and back-off. So: never pause
 * for `navigator.onLine` (TanStack's default 'online' mode would, TanStack/query#4772), never retry here, and
 * let events (not window focus) keep data fresh.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { networkMode: 'always', retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { networkMode: 'always', retry: false },
    },
  });
}
