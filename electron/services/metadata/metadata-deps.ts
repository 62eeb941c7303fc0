import type { EventHub } from '../../gateway/event-hub';
import type { IntegrationConfig } from '../../../shared/integration/config';
import type { Clock, KeyValueStore, Logger } from '../../ports';
import type { ConnectionProvider } from '../connection/types';
import type { TaskRegistry } from '../tasks/task-registry';

/**
 * Where a crawl runs and registers: the integration's settings (its warehouse, audit switch, integration catalog,
 * service principal). They apply only when their workspace is the signed-in one.
 */
export type CrawlTarget = IntegrationConfig;

/** What the metadata services are built from (composeMain passes the app's; the CLI its own). */
export interface MetadataDeps {
  readonly connections: ConnectionProvider;
  readonly tasks: TaskRegistry;
  readonly events: EventHub;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly kv: KeyValueStore;
  /** The folder the per-workspace indexes live in (`<userData>/metadata`). */
  readonly dataDir: string;
  /** The saved integration settings (the app) or the config file (the CLI); null before any. */
  readonly crawlTarget: () => Promise<CrawlTarget | null>;
}
