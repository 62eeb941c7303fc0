/**
 * Electron IPC channel names, shared by the preload and the ipcMain bridge. Every contract channel travels as
 * `ucbridge:<domain>.<method>` (VS Code's prefix rule: nothing outside the prefix is ever handled), events as one
 * `ucbridge:event` message, and the preload announces it is listening with `ucbridge:ready` (Fiddle's
 * ready-for-IPC signal), before which main queues events.
 */
export const IPC_PREFIX = 'ucbridge:';
export const invokeChannel = (channel: string): string => `${IPC_PREFIX}${channel}`;
export const EVENT_CHANNEL = 'ucbridge:event';
export const READY_CHANNEL = 'ucbridge:ready';

/** The payload of `ucbridge:event`. */
export interface WireEvent {
  readonly name: string;
  readonly payload: unknown;
}
