import { useChannelQuery, type ChannelQueryOptions } from '../use-channel-query';

/** Version, host and secret-storage status; fixed for the life of the window. */
export const useAppInfo = () => useChannelQuery('app', 'info', {}, { staleTime: Infinity });

/** The last `limit` redacted log lines, oldest first; kept current by `log.entry` events (use-contract-events). */
export const useRecentLogs = (limit: number, options: ChannelQueryOptions = {}) =>
  useChannelQuery('app', 'recentLogs', { limit }, { staleTime: Infinity, ...options });
