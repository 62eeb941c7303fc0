import { spawn as nodeSpawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { AppFailure } from '../../shared/result';
import type { BrowserOpener } from '../ports';

export type Spawn = (command: string, args: readonly string[], options: SpawnOptions) => ChildProcess;

/** The platform's "open this URL" command, as an argument vector (never a shell string). */
export function openerCommand(platform: NodeJS.Platform, url: string): { command: string; args: string[] } {
  switch (platform) {
    case 'darwin':
      return { command: 'open', args: [url] };
    case 'win32':
      // Not `cmd /c start`: cmd would interpret the `&` between query parameters. rundll32 takes the URL verbatim.
      return { command: 'rundll32', args: ['url.dll,FileProtocolHandler', url] };
    default:
      return { command: 'xdg-open', args: [url] };
  }
}

/** How long the opener may run before it counts as having opened the browser (it may stay with the browser). */
const SETTLE_MS = 3_000;

/**
 * Opens http(s) URLs with the system browser from plain Node (the CLI and the browser harness). The desktop app
 * uses `shell.openExternal` behind the same port instead.
 */
export function createSystemBrowserOpener(
  options: { readonly platform?: NodeJS.Platform; readonly spawn?: Spawn; readonly settleMs?: number } = {},
): BrowserOpener {
  const platform = options.platform ?? process.platform;
  const spawn = options.spawn ?? (nodeSpawn as Spawn);
  const settleMs = options.settleMs ?? SETTLE_MS;
  return {
    open(url) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return Promise.reject(new AppFailure({ code: 'BAD_REQUEST', message: 'That is not a valid web address.' }));
      }
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
        return Promise.reject(new AppFailure({ code: 'FORBIDDEN', message: 'Only web addresses can be opened.' }));
      }
      const { command, args } = openerCommand(platform, parsed.href);
      return new Promise<void>((resolve, reject) => {
        const child = spawn(command, args, { stdio: 'ignore', detached: true, windowsHide: true });
        let timer: ReturnType<typeof setTimeout> | undefined;
        const couldNot = () => {
          clearTimeout(timer);
          reject(new AppFailure({ code: 'UNSUPPORTED', message: 'ucbridge could not open your web browser.', hint: 'Copy the link and open it in your browser yourself.' }));
        };
        child.once('error', couldNot);
        child.once('spawn', () => {
          // Starting the opener is not opening a browser: xdg-open exits non-zero when no browser is set up (3:
          // no tool found, 4: the action failed), so its exit code decides. One still running after a moment is
          // showing the page (some launchers stay until the browser closes): that counts as opened.
          timer = setTimeout(() => {
            child.unref();
            resolve();
          }, settleMs);
          child.once('exit', (code) => {
            if (code !== 0) return couldNot();
            clearTimeout(timer);
            child.unref();
            resolve();
          });
        });
      });
    },
  };
}
