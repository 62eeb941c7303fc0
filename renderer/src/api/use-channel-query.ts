import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { Domain, MethodOf } from '../../../shared/contract';
import { useApi } from './api-context';
import { callChannel, channelKey, type ChannelInput, type ChannelOutput } from './channel-call';
import type { ClientError } from './client-error';

export interface ChannelQueryOptions {
  readonly enabled?: boolean;
  readonly staleTime?: number;
  readonly refetchInterval?: number | false;
}

/** A read-only channel as a TanStack query, keyed by `[domain, method, input]`. Errors are ClientErrors. */
export function useChannelQuery<D extends Domain, M extends MethodOf<D>>(
  domain: D,
  method: M,
  input: ChannelInput<D, M>,
  options: ChannelQueryOptions = {},
): UseQueryResult<ChannelOutput<D, M>, ClientError> {
  const api = useApi();
  return useQuery<ChannelOutput<D, M>, ClientError>({
    queryKey: channelKey(domain, method, input),
    queryFn: () => callChannel(api, domain, method, input),
    ...options,
  });
}
