import type { EventHub } from '../../gateway/event-hub';
import type { Clock, KeyValueStore, Logger } from '../../ports';
import type { ConnectionProvider } from '../connection/types';
import type { TaskRegistry } from '../tasks/task-registry';

/** Where a crawl runs and what it reads: the integration's warehouse, audit switch and catalog (its config's fields). */
export interface CrawlTarget {
  /** The workspace the settings are for; they apply only when it is the signed-in one. */
  readonly workspaceUrl: string;
  readonly httpPath: string;
  readonly audit: { readonly enabled: boolean };
  readonly catalog: string;
}

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
