import { useQueryClient } from '@tanstack/react-query';
import type { MatchView, PrincipalType } from '../../../../shared/contract/users';
import { channelKey } from '../channel-call';
import { useChannelMutation, type ChannelMutationOptions } from '../use-channel-mutation';
import { useChannelQuery } from '../use-channel-query';

/**
 * Step 3's users: main keeps the imported file, the directory and the manual choices per workspace; these hooks only
 * ask for views of them and keep the cached views in step with every change.
 */
export const usersStatusKey = channelKey('users', 'status', {});
export const usersMatchKey = channelKey('users', 'match', {});

export const useUsersStatus = () => useChannelQuery('users', 'status', {}, { staleTime: Infinity });

/** The match, once a file is imported and the directory read (main answers BAD_REQUEST before that). */
export const useUsersMatch = (enabled: boolean) => useChannelQuery('users', 'match', {}, { enabled, staleTime: Infinity });

/** Principals whose name or display name contains the text, for the principal search. */
export const usePrincipalSearch = (query: string, type: PrincipalType | undefined, enabled: boolean) =>
  useChannelQuery('users', 'searchPrincipals', type ? { query, type, limit: 30 } : { query, limit: 30 }, { enabled, staleTime: 60_000 });

/** A new file or a fresh directory changes the match and the status: both are asked again. */
function useRefreshAfter<M extends 'importFile' | 'readDirectory' | 'apply'>(method: M, options: ChannelMutationOptions<'users', M>) {
  const queryClient = useQueryClient();
  return useChannelMutation('users', method, {
    ...options,
    onSuccess: (value, input) => {
      void queryClient.invalidateQueries({ queryKey: usersStatusKey });
      if (method !== 'apply') void queryClient.invalidateQueries({ queryKey: usersMatchKey });
      options.onSuccess?.(value, input);
    },
  });
}

export const useImportUsers = (options: ChannelMutationOptions<'users', 'importFile'> = {}) => useRefreshAfter('importFile', options);
export const useReadDirectory = (options: ChannelMutationOptions<'users', 'readDirectory'> = {}) => useRefreshAfter('readDirectory', options);
export const useApplyUsers = (options: ChannelMutationOptions<'users', 'apply'> = {}) => useRefreshAfter('apply', options);

/** A manual choice answers with the whole new match: it replaces the cached one (a choice can also end an orphan). */
function useChoice<M extends 'setChoice' | 'clearChoice'>(method: M, options: ChannelMutationOptions<'users', M>) {
  const queryClient = useQueryClient();
  return useChannelMutation('users', method, {
    ...options,
    onSuccess: (value, input) => {
      queryClient.setQueryData<MatchView>(usersMatchKey, value as MatchView);
      void queryClient.invalidateQueries({ queryKey: usersStatusKey });
      options.onSuccess?.(value, input);
    },
  });
}

export const useSetChoice = (options: ChannelMutationOptions<'users', 'setChoice'> = {}) => useChoice('setChoice', options);
export const useClearChoice = (options: ChannelMutationOptions<'users', 'clearChoice'> = {}) => useChoice('clearChoice', options);

export const useExportUnmatched = (options: ChannelMutationOptions<'users', 'exportUnmatched'> = {}) => useChannelMutation('users', 'exportUnmatched', options);
export const usePlanUsers = (options: ChannelMutationOptions<'users', 'plan'> = {}) => useChannelMutation('users', 'plan', options);
