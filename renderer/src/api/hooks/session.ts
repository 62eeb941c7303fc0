import { useQueryClient } from '@tanstack/react-query';
import { channelKey } from '../channel-call';
import { useChannelMutation, type ChannelMutationOptions } from '../use-channel-mutation';
import { useChannelQuery } from '../use-channel-query';

export const sessionStateKey = channelKey('session', 'state', {});

/** Which workspace, which identity, token state; pushed by `session.changed`, so it never goes stale on its own. */
export const useSessionState = () => useChannelQuery('session', 'state', {}, { staleTime: Infinity });

export function useDisconnect(options: ChannelMutationOptions<'session', 'disconnect'> = {}) {
  const queryClient = useQueryClient();
  return useChannelMutation('session', 'disconnect', {
    ...options,
    onSuccess: (value, input) => {
      void queryClient.invalidateQueries({ queryKey: sessionStateKey });
      options.onSuccess?.(value, input);
    },
  });
}

export function useReauthenticate(options: ChannelMutationOptions<'session', 'reauthenticate'> = {}) {
  const queryClient = useQueryClient();
  return useChannelMutation('session', 'reauthenticate', {
    ...options,
    onSuccess: (value, input) => {
      queryClient.setQueryData(sessionStateKey, value);
      options.onSuccess?.(value, input);
    },
  });
}
