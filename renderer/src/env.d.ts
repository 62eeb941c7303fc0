import type { UcbridgeApi } from '../../shared/contract';

declare global {
  interface Window {
    /** Exposed by the Electron preload (contextBridge). Absent in a plain browser, where the harness is used. */
    readonly api?: UcbridgeApi;
  }
}

export {};
