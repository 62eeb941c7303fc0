import { useQueryClient } from '@tanstack/react-query';
import { channelKey } from '../../api/channel-call';
import { sessionStateKey } from '../../api/hooks/session';
import { useChannelMutation, type ChannelMutationOptions } from '../../api/use-channel-mutation';
import { useChannelQuery } from '../../api/use-channel-query';

/** Profiles, recent workspaces and whether the sandbox can run. Re-read when the step is shown. */
export const useWorkspaceChoices = () => useChannelQuery('auth', 'choices', {}, { staleTime: 0 });

const choicesKey = channelKey('auth', 'choices', {});

export function useStartSandbox(options: ChannelMutationOptions<'auth', 'startSandbox'> = {}) {
  const queryClient = useQueryClient();
  return useChannelMutation('auth', 'startSandbox', {
    ...options,
    onSuccess: (value, input) => {
      void queryClient.invalidateQueries({ queryKey: choicesKey });
      options.onSuccess?.(value, input);
    },
  });
}

export function useSignIn(options: ChannelMutationOptions<'auth', 'signIn'> = {}) {
  const queryClient = useQueryClient();
  return useChannelMutation('auth', 'signIn', {
    ...options,
    onSuccess: (value, input) => {
      queryClient.setQueryData(sessionStateKey, value);
      void queryClient.invalidateQueries({ queryKey: choicesKey });
      options.onSuccess?.(value, input);
    },
  });
}

export function useForgetRecent() {
  const queryClient = useQueryClient();
  return useChannelMutation('auth', 'forgetRecent', {
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: choicesKey }),
  });
}
