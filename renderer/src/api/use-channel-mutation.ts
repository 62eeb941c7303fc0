import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import type { Domain, MethodOf } from '../../../shared/contract';
import { useApi } from './api-context';
import { callChannel, type ChannelInput, type ChannelOutput } from './channel-call';
import type { ClientError } from './client-error';

export interface ChannelMutationOptions<D extends Domain, M extends MethodOf<D>> {
  readonly onSuccess?: (value: ChannelOutput<D, M>, input: ChannelInput<D, M>) => void;
  readonly onError?: (error: ClientError, input: ChannelInput<D, M>) => void;
}

/**
 * A channel that changes something, as a TanStack mutation. Never retried: main owns retries, and repeating a
 * sign-in or an apply behind the user's back is wrong.
 */
export function useChannelMutation<D extends Domain, M extends MethodOf<D>>(
  domain: D,
  method: M,
  options: ChannelMutationOptions<D, M> = {},
): UseMutationResult<ChannelOutput<D, M>, ClientError, ChannelInput<D, M>> {
  const api = useApi();
  return useMutation<ChannelOutput<D, M>, ClientError, ChannelInput<D, M>>({
    mutationKey: [domain, method],
    mutationFn: (input) => callChannel(api, domain, method, input),
    retry: false,
    networkMode: 'always',
    ...(options.onSuccess ? { onSuccess: (value, input) => options.onSuccess?.(value, input) } : {}),
    ...(options.onError ? { onError: (error, input) => options.onError?.(error, input) } : {}),
  });
}
