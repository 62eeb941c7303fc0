import type { UcbridgeApi } from '../../../shared/contract';
import type { Store } from '../lib/store';
import { alwaysOpen, type ConnectionState } from './connection';

export type ApiSource =
  | {
      readonly kind: 'electron' | 'harness';
      readonly api: UcbridgeApi;
      readonly connection: Store<ConnectionState>;
      readonly onReopen: (callback: () => void) => void;
    }
  | { readonly kind: 'none' };

/**
 * Which bridge to the main-process services this window has: the Electron preload's `window.api`, else the
 * browser harness (its host puts a per-run secret in a meta tag of the index.html it serves), else none.
 * The harness code is imported only when needed, so it never weighs on the desktop app's initial JavaScript.
 */
export async function resolveApi(win: Window = window): Promise<ApiSource> {
  if (win.api) return { kind: 'electron', api: win.api, connection: alwaysOpen(), onReopen: () => undefined };
  // harness-link is the early script's module (the same instance: it holds the socket that script opened, already
  // carrying the first render's calls); imported lazily, so the app's own chunks never pull it in.
  const [{ createHarnessApi }, { harnessAddress, takeHarnessLink }] = await Promise.all([import('./harness-api'), import('./harness-link')]);
  const address = harnessAddress(win);
  if (address === undefined) return { kind: 'none' };
  return { kind: 'harness', ...createHarnessApi(address, takeHarnessLink()) };
}
