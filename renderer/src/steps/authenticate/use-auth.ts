import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { SignInProgress } from '../../../../shared/contract/auth';
import { useApi } from '../../api/api-context';
import { channelKey } from '../../api/channel-call';
import { sessionStateKey } from '../../api/hooks/session';
import { useChannelMutation, type ChannelMutationOptions } from '../../api/use-channel-mutation';
import { useChannelQuery } from '../../api/use-channel-query';
import { useTaskProgress } from '../../progress/progress-store';

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

/** The latest `auth.progress` of any sign-in (this step's, or the header's Re-authenticate). */
export function useSignInProgress(): SignInProgress | undefined {
  const api = useApi();
  const [progress, setProgress] = useState<SignInProgress | undefined>(undefined);
  useEffect(() => api.on('auth.progress', setProgress), [api]);
  return progress;
}

/** A sign-in that is waiting for the browser right now, whoever started it. */
export function useBrowserWait(): SignInProgress | undefined {
  const progress = useSignInProgress();
  const task = useTaskProgress(progress?.phase === 'waiting-for-browser' ? progress.taskId : undefined);
  return progress && task?.state === 'running' ? progress : undefined;
}
