import { describe, expect, it, vi } from 'vitest';
import type { UcbridgeApi } from '../../../shared/contract';
import { prefetchFirstRender } from './prefetch-first-render';
import { createQueryClient } from './query-client';
import { sessionStateKey } from './hooks/session';
import { channelKey } from './channel-call';

describe('prefetching what the first render waits for', () => {
  it('asks for the session and the app facts at once, cached under the hooks’ keys as never stale', async () => {
    const state = vi.fn(async () => ({ ok: true, value: { workspace: null } }));
    const info = vi.fn(async () => ({ ok: true, value: { version: '0.1.0' } }));
    const api = { session: { state }, app: { info } } as unknown as UcbridgeApi;
    const queryClient = createQueryClient();
    prefetchFirstRender(queryClient, api);
    expect(state).toHaveBeenCalledWith({});
    expect(info).toHaveBeenCalledWith({});
    await vi.waitFor(() => expect(queryClient.getQueryData(sessionStateKey)).toEqual({ workspace: null }));
    await vi.waitFor(() => expect(queryClient.getQueryData(channelKey('app', 'info', {}))).toEqual({ version: '0.1.0' }));
    expect(queryClient.getQueryState(sessionStateKey)?.isInvalidated).toBe(false);
    expect(queryClient.getQueryCache().find({ queryKey: sessionStateKey })?.isStale()).toBe(false);
  });
});
