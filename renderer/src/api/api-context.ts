import { createContext, useContext } from 'react';
import type { UcbridgeApi } from '../../../shared/contract';
import type { Store } from '../lib/store';
import type { ConnectionState } from './connection';

export interface Bridge {
  readonly api: UcbridgeApi;
  readonly connection: Store<ConnectionState>;
}

export const BridgeContext = createContext<Bridge | null>(null);

function useBridge(): Bridge {
  const bridge = useContext(BridgeContext);
  if (!bridge) throw new Error('useApi() was called outside <BridgeContext.Provider>.');
  return bridge;
}

/** The typed `window.api`. Components call it only through the query/mutation hooks in `api/hooks/`. */
export const useApi = (): UcbridgeApi => useBridge().api;

export const useConnection = (): Store<ConnectionState> => useBridge().connection;
