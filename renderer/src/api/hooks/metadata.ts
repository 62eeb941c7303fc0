import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { MetadataStatus } from '../../../../shared/contract/metadata';
import { useApi } from '../api-context';
import { callChannel, channelKey, type ChannelInput } from '../channel-call';
import { useChannelMutation, type ChannelMutationOptions } from '../use-channel-mutation';
import { useChannelQuery } from '../use-channel-query';

/**
 * Step 4's calls to main (shared/contract/metadata.ts). Reads go to the local index of the signed-in workspace, so
 * they are cheap and cached by input; anything that makes a new snapshot or new rules drops every cached read of
 * the index (the tree, search, details and pictures all change with it).
 */
export const metadataStatusKey = channelKey('metadata', 'status', {});

export const useMetadataStatus = (enabled = true) => useChannelQuery('metadata', 'status', {}, { enabled, staleTime: 0 });

/** One page of the tree; pages stay cached while the snapshot does. */
export const useChildren = (input: ChannelInput<'metadata', 'children'>, enabled = true) =>
  useChannelQuery('metadata', 'children', input, { enabled, staleTime: Infinity });

export const useSearch = (input: ChannelInput<'metadata', 'search'> | undefined) =>
  useChannelQuery('metadata', 'search', input ?? { query: '-', limit: 1 }, { enabled: input !== undefined, staleTime: Infinity });

export const useColumns = (table: readonly [string, string, string] | undefined) =>
  useChannelQuery('metadata', 'columns', { table: table ? [table[0], table[1], table[2]] : ['-', '-', '-'] }, { enabled: table !== undefined, staleTime: Infinity });

export const useTableDetail = (table: readonly [string, string, string] | undefined) =>
  useChannelQuery('metadata', 'table', { table: table ? [table[0], table[1], table[2]] : ['-', '-', '-'] }, { enabled: table !== undefined, staleTime: Infinity });

export const useDiff = (enabled: boolean) => useChannelQuery('metadata', 'diff', {}, { enabled, staleTime: 0 });

/** Every cached read of the index, except the status (set from the answer where there is one). */
function useIndexChanged() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'metadata' });
  };
}

export function useCrawl(options: ChannelMutationOptions<'metadata', 'crawl'> = {}) {
  const changed = useIndexChanged();
  return useChannelMutation('metadata', 'crawl', {
    onSuccess: (value, input) => {
      changed();
      options.onSuccess?.(value, input);
    },
    onError: (error, input) => {
      changed();
      options.onError?.(error, input);
    },
  });
}

export function useSaveRules(options: ChannelMutationOptions<'metadata', 'saveRules'> = {}) {
  const queryClient = useQueryClient();
  const changed = useIndexChanged();
  return useChannelMutation('metadata', 'saveRules', {
    ...options,
    onSuccess: (status: MetadataStatus, input) => {
      changed();
      queryClient.setQueryData(metadataStatusKey, status);
      options.onSuccess?.(status, input);
    },
  });
}

export const useRegistrationPlan = (options: ChannelMutationOptions<'metadata', 'registrationPlan'> = {}) =>
  useChannelMutation('metadata', 'registrationPlan', options);

export function useRegister(options: ChannelMutationOptions<'metadata', 'register'> = {}) {
  const changed = useIndexChanged();
  return useChannelMutation('metadata', 'register', {
    onSuccess: (value, input) => {
      changed();
      options.onSuccess?.(value, input);
    },
    ...(options.onError ? { onError: options.onError } : {}),
  });
}

export const useExportConnection = (options: ChannelMutationOptions<'metadata', 'exportConnection'> = {}) =>
  useChannelMutation('metadata', 'exportConnection', options);

export const useTagsPlan = (options: ChannelMutationOptions<'metadata', 'tagsPlan'> = {}) => useChannelMutation('metadata', 'tagsPlan', options);

export function usePublishTags(options: ChannelMutationOptions<'metadata', 'publishTags'> = {}) {
  const changed = useIndexChanged();
  return useChannelMutation('metadata', 'publishTags', {
    onSuccess: (value, input) => {
      changed();
      options.onSuccess?.(value, input);
    },
    ...(options.onError ? { onError: options.onError } : {}),
  });
}

export const useExportTags = (options: ChannelMutationOptions<'metadata', 'exportTags'> = {}) => useChannelMutation('metadata', 'exportTags', options);

/** Stable, so TanStack Query keeps the combined array until an answer changes. */
const dataOf = <T,>(results: readonly { readonly data: T | undefined }[]): (T | undefined)[] => results.map((r) => r.data);

/** Several pages of the tree at once (one query each, cached by input), answered together in request order. */
export function useChildPages(inputs: readonly ChannelInput<'metadata', 'children'>[]) {
  const api = useApi();
  return useQueries({
    queries: inputs.map((input) => ({
      queryKey: channelKey('metadata', 'children', input),
      queryFn: () => callChannel(api, 'metadata', 'children', input),
      staleTime: Infinity,
    })),
    combine: dataOf,
  });
}

/** The columns of several tables (those open in the tree). */
export function useColumnsOf(tables: readonly (readonly [string, string, string])[]) {
  const api = useApi();
  return useQueries({
    queries: tables.map((t) => {
      const input = { table: [t[0], t[1], t[2]] as [string, string, string] };
      return { queryKey: channelKey('metadata', 'columns', input), queryFn: () => callChannel(api, 'metadata', 'columns', input), staleTime: Infinity };
    }),
    combine: dataOf,
  });
}

/**
 * Starts reading the tree's first page (the catalogs with their counts) when step 4 opens, so the picker draws from
 * the cache when the user gets to it. `input` must be the one the tree asks with (same query key).
 */
export function usePrefetchChildren(input: ChannelInput<'metadata', 'children'>, enabled: boolean): void {
  const api = useApi();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    void queryClient.prefetchQuery({ queryKey: channelKey('metadata', 'children', input), queryFn: () => callChannel(api, 'metadata', 'children', input), staleTime: Infinity });
  }, [api, queryClient, input, enabled]);
}
