import type { EventHub } from '../../gateway/event-hub';
import type { Clock, FileSaver, KeyValueStore, Logger } from '../../ports';
import type { ConnectionProvider, WorkspaceConnection } from '../connection/types';
import type { TaskRegistry } from '../tasks/task-registry';
import type { SecretVault } from '../vault/secret-vault';
import type { IntegrationStore } from './integration-record';

/** What the Configure-integration services are built from (composeMain passes the app's; the CLI its own). */
export interface IntegrationDeps {
  readonly store: IntegrationStore;
  readonly kv: KeyValueStore;
  readonly vault: SecretVault;
  readonly connections: ConnectionProvider;
  readonly tasks: TaskRegistry;
  readonly events: EventHub;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly fileSaver: FileSaver;
}

/** Stop when the user cancels the task or the connection ends (disconnect, sign-in as someone else). */
export const workSignal = (task: AbortSignal, connection: WorkspaceConnection): AbortSignal => AbortSignal.any([task, connection.signal]);
