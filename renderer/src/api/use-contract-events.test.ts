import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { EventName } from '../../../shared/contract';
import type { LogEntry } from '../../../shared/contract/app';
import type { SessionState } from '../../../shared/contract/session';
import { buildApi } from '../../../shared/contract/build-api';
import { createEventRouter } from '../../../electron/preload/event-router';
import { channelKey } from './channel-call';
import { subscribeContractEvents } from './use-contract-events';

/**
 * The desktop app's start-up, with main's queue played by an array: events published while the page loads wait
 * until the preload says "ready", then go out in order (electron/platform/ipc-bridge.ts). The preload's router and
 * buildApi are the real ones; only the IPC wire is replaced.
 */
function desktopStartUp() {
  const queued: { name: EventName; payload: unknown }[] = [];
  let ready = false;
  const router = createEventRouter({
    signalReady: () => {
      ready = true;
      for (const event of queued.splice(0)) router.deliver(event);
    },
  });
  const api = buildApi(async () => ({ ok: true, value: {} }), router.subscribe);
  const publish = (name: EventName, payload: unknown) => (ready ? router.deliver({ name, payload }) : queued.push({ name, payload }));
  return { api, publish, isReady: () => ready };
}

const signedIn: SessionState = {
  workspace: { url: 'https://adb-1.azuredatabricks.net', label: 'adb-1', kind: 'workspace' },
  identity: { kind: 'user', userName: 'ana@example.com', displayName: 'Ana', admin: true, groups: ['admins'] },
  authMethod: 'oauth-u2m',
  token: { state: 'valid', expiresAt: 2_000_000_000_000 },
  persistence: 'keychain',
};
const line: LogEntry = { time: 1, level: 'info', message: 'restored the session' };

describe('events published before the page listens', () => {
  it('reach the wizard’s caches once it subscribes (after mount), none lost', async () => {
    const { api, publish, isReady } = desktopStartUp();
    const queryClient = new QueryClient();
    queryClient.setQueryData(channelKey('app', 'recentLogs', { limit: 200 }), []);
    publish('log.entry', line);
    publish('session.changed', signedIn);
    expect(isReady()).toBe(false);

    const unsubscribe = subscribeContractEvents(api, queryClient);
    await new Promise((r) => setTimeout(r, 0));

    expect(isReady()).toBe(true);
    expect(queryClient.getQueryData(channelKey('session', 'state', {}))).toEqual(signedIn);
    expect(queryClient.getQueryData(channelKey('app', 'recentLogs', { limit: 200 }))).toEqual([line]);
    publish('log.entry', { ...line, time: 2 });
    expect(queryClient.getQueryData<LogEntry[]>(channelKey('app', 'recentLogs', { limit: 200 }))).toHaveLength(2);
    unsubscribe();
    publish('log.entry', { ...line, time: 3 });
    expect(queryClient.getQueryData<LogEntry[]>(channelKey('app', 'recentLogs', { limit: 200 }))).toHaveLength(2);
  });
});
