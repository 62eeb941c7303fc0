import { useQueryClient } from '@tanstack/react-query';
import { channelKey } from '../channel-call';
import { useChannelMutation, type ChannelMutationOptions } from '../use-channel-mutation';
import { useChannelQuery, type ChannelQueryOptions } from '../use-channel-query';

/** Version, host and secret-storage status; fixed for the life of the window. */
export const useAppInfo = () => useChannelQuery('app', 'info', {}, { staleTime: Infinity });

/** The last `limit` redacted log lines, oldest first; kept current by `log.entry` events (use-contract-events). */
export const useRecentLogs = (limit: number, options: ChannelQueryOptions = {}) =>
  useChannelQuery('app', 'recentLogs', { limit }, { staleTime: Infinity, ...options });

/** Which certificate authorities connections trust (the OS store, the CA certificate file setting). */
export const useCaTrust = (options: ChannelQueryOptions = {}) => useChannelQuery('app', 'caTrust', {}, { staleTime: Infinity, ...options });

/** Sets or removes the CA certificate file; the answer replaces the cached status. */
export function useSetCaCertFile(options: ChannelMutationOptions<'app', 'setCaCertFile'> = {}) {
  const queryClient = useQueryClient();
  return useChannelMutation('app', 'setCaCertFile', {
    ...options,
    onSuccess: (value, input) => {
      queryClient.setQueryData(channelKey('app', 'caTrust', {}), value);
      options.onSuccess?.(value, input);
    },
  });
}
