import { join } from 'node:path';
import type { SenderPolicy } from '../gateway/sender-policy';
import { createAppLogger, type AppLoggerOptions } from '../logging/app-logger';
import type { MainPorts } from '../main/main-ports';
import type { BrowserOpener, Clock, FileSaver, SecretCipher } from '../ports';
import {
  createExternalUrlAllowList,
  guardBrowserOpener,
  type ExternalUrlAllowList,
} from '../window-policy/external-urls';
import { createDirectoryFileSaver } from './directory-file-saver';
import { createFileBlobStore } from './file-blob-store';
import { openFileKeyValueStore } from './file-key-value-store';
import { ensurePrivateDir } from './private-dir';
import { createMemoryKeyCipher } from './memory-key-cipher';
import { createSystemBrowserOpener } from './system-browser-opener';
import { systemClock } from './system-clock';

export interface NodeMainPortsOptions {
  readonly userDataDir: string;
  readonly host: MainPorts['host'];
  readonly policy: () => SenderPolicy;
  /** Defaults to an AES-256-GCM key held in this process only. */
  readonly cipher?: SecretCipher;
  /** Defaults to the system browser (xdg-open/open/rundll32). Either way it is guarded by the allow-list. */
  readonly browser?: BrowserOpener;
  readonly clock?: Clock;
  /** Pass one when `browser` needs it too (Electron's shell opener checks it itself). */
  readonly externalUrls?: ExternalUrlAllowList;
  readonly log?: Omit<AppLoggerOptions, 'logDir'>;
  /**
   * Where exports go (the desktop app passes its save dialog). Defaults to a directory beside userData, never
   * inside it: an export the user asked for with a secret is theirs, not the app's state.
   */
  readonly fileSaver?: FileSaver;
}

/**
 * The ports over a userData directory: `logs/ucbridge.log`, `state/*.json`, `secrets/*`. The browser harness,
 * the CLI and tests use it as is; the desktop app passes its safeStorage cipher and shell opener.
 */
export async function createNodeMainPorts(options: NodeMainPortsOptions): Promise<MainPorts> {
  const { userDataDir } = options;
  // The state directory itself is private too, also when it existed with a wider mode.
  await ensurePrivateDir(userDataDir);
  const logger = createAppLogger({ ...options.log, logDir: join(userDataDir, 'logs') });
  const externalUrls = options.externalUrls ?? createExternalUrlAllowList();
  const kv = await openFileKeyValueStore({ dir: join(userDataDir, 'state'), logger: logger.child('state') });
  return {
    cipher: options.cipher ?? createMemoryKeyCipher(),
    kv: kv.store,
    blobs: createFileBlobStore(join(userDataDir, 'secrets')),
    browser: guardBrowserOpener(options.browser ?? createSystemBrowserOpener(), externalUrls),
    externalUrls,
    clock: options.clock ?? systemClock,
    logger,
    host: options.host,
    userDataDir,
    policy: options.policy,
    startupNotices: kv.notices,
    fileSaver: options.fileSaver ?? createDirectoryFileSaver(`${userDataDir}-exports`),
  };
}
