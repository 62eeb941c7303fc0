import { app } from 'electron';
import type { SenderPolicy } from '../gateway/sender-policy';
import type { MainPorts } from '../main/main-ports';
import { createNodeMainPorts } from '../node/node-main-ports';
import { createExternalUrlAllowList } from '../window-policy/external-urls';
import { createDialogFileSaver } from './dialog-file-saver';
import { createSafeStorageCipher } from './safe-storage-cipher';
import { createShellOpener } from './shell-opener';

/**
 * The desktop app's ports: the file stores under Electron's userData, safeStorage and `shell.openExternal`.
 * Call after ready (safeStorage reports its backend only then).
 */
export function createElectronMainPorts(policy: () => SenderPolicy): Promise<MainPorts> {
  const externalUrls = createExternalUrlAllowList();
  return createNodeMainPorts({
    userDataDir: app.getPath('userData'),
    host: 'electron',
    policy,
    cipher: createSafeStorageCipher(),
    browser: createShellOpener(externalUrls),
    fileSaver: createDialogFileSaver(),
    externalUrls,
    log: { level: app.isPackaged ? 'info' : 'debug' },
  });
}
