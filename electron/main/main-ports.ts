import type { Gateway } from '../gateway/gateway';
import type { EventHub } from '../gateway/event-hub';
import type { SenderPolicy } from '../gateway/sender-policy';
import type { AppLogger } from '../logging/app-logger';
import type { BlobStore, BrowserOpener, Clock, FileSaver, KeyValueStore, SecretCipher } from '../ports';
import type { SandboxLauncher } from '../services/session/sandbox-launcher';
import type { SessionService } from '../services/session/session-service';
import type { TaskRegistry } from '../services/tasks/task-registry';
import type { ExternalUrlAllowList } from '../window-policy/external-urls';

/** Everything the main process needs from its host (Electron, the browser harness, a test). */
export interface MainPorts {
  readonly cipher: SecretCipher;
  readonly kv: KeyValueStore;
  readonly blobs: BlobStore;
  /** Already guarded by `externalUrls`: it refuses anything `isExternalUrlAllowed` refuses. */
  readonly browser: BrowserOpener;
  /**
   * The OAuth authorize endpoint of the workspace being signed in to must be registered here (and released when
   * the sign-in ends) before `browser.open` will accept it.
   */
  readonly externalUrls: ExternalUrlAllowList;
  readonly clock: Clock;
  /** The root logger; `composeMain` attaches the `log.entry` event sink and serves `app.recentLogs` from it. */
  readonly logger: AppLogger;
  readonly host: 'electron' | 'harness';
  readonly userDataDir: string;
  /** Who may call the gateway, asked on every request (windows and harness connections come and go). */
  readonly policy: () => SenderPolicy;
  /** Problems found with local state (a corrupt document moved aside…), asked each time `app.info` runs. */
  readonly startupNotices: () => readonly string[];
  /** Defaults to `process.platform`. */
  readonly platform?: string;
  /** Saves exports where the user picks (the integration payload with its secret never crosses IPC). */
  readonly fileSaver: FileSaver;
  /** The "Local sandbox" workspace: hosts running from source pass one that starts the emulator in-process. */
  readonly sandbox?: SandboxLauncher;
}

export interface MainApp {
  readonly gateway: Gateway;
  readonly events: EventHub;
  readonly tasks: TaskRegistry;
  /** The signed-in session; other domains take it as their `ConnectionProvider`. */
  readonly session: SessionService;
  /** Cancels running tasks, detaches log events and flushes the log. */
  dispose(): Promise<void>;
}
