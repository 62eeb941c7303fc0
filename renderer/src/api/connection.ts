import { createStore, type Store } from '../lib/store';

/** The link between this window and the main-process services. Always `open` under Electron's preload. */
export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting';

export interface ConnectionState {
  readonly status: ConnectionStatus;
  /** Failed attempts since the link was last open. */
  readonly attempts: number;
  /** When the next attempt is due (epoch ms), while reconnecting. */
  readonly retryAt?: number;
}

export const alwaysOpen = (): Store<ConnectionState> => createStore<ConnectionState>({ status: 'open', attempts: 0 });
