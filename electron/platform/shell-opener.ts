import { shell } from 'electron';
import { AppFailure } from '../../shared/result';
import type { BrowserOpener } from '../ports';
import { isExternalUrlAllowed, type ExternalUrlAllowList } from '../window-policy/external-urls';

/**
 * `shell.openExternal`, only for https URLs on the allow-list (checklist item 15). This is the only call of
 * `openExternal` in the app; the URL is always built by main, never taken from the renderer.
 */
export function createShellOpener(allowList: ExternalUrlAllowList): BrowserOpener {
  return {
    async open(url) {
      if (!isExternalUrlAllowed(url, allowList.current())) {
        throw new AppFailure({
          code: 'FORBIDDEN',
          message: 'ucbridge only opens Databricks sign-in and documentation pages.',
        });
      }
      try {
        await shell.openExternal(url, { activate: true });
      } catch {
        throw new AppFailure({
          code: 'UNSUPPORTED',
          message: 'ucbridge could not open your web browser.',
          hint: 'Copy the link and open it in your browser yourself.',
        });
      }
    },
  };
}
