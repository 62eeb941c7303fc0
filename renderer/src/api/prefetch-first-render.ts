import type { QueryClient } from '@tanstack/react-query';
import type { UcbridgeApi } from '../../../shared/contract';
import { callChannel, channelKey } from './channel-call';

/**
 * Asks main for what the first render waits for — the session (header, step statuses) and the app's facts — as soon
 * as the bridge exists, instead of once React has rendered and its queries mount: the replies travel while React
 * renders. Same keys and staleness as the hooks (useSessionState, useAppInfo), so they find the answers cached.
 */
export function prefetchFirstRender(queryClient: QueryClient, api: UcbridgeApi): void {
  void queryClient.prefetchQuery({ queryKey: channelKey('session', 'state', {}), queryFn: () => callChannel(api, 'session', 'state', {}), staleTime: Infinity });
  void queryClient.prefetchQuery({ queryKey: channelKey('app', 'info', {}), queryFn: () => callChannel(api, 'app', 'info', {}), staleTime: Infinity });
}
