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

/**
 * Opens http(s) URLs with the system browser from plain Node (the CLI and the browser harness). The desktop app
 * uses `shell.openExternal` behind the same port instead.
 */
export function createSystemBrowserOpener(
  options: { readonly platform?: NodeJS.Platform; readonly spawn?: Spawn } = {},
): BrowserOpener {
  const platform = options.platform ?? process.platform;
  const spawn = options.spawn ?? (nodeSpawn as Spawn);
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
        child.once('error', () =>
          reject(
            new AppFailure({
              code: 'UNSUPPORTED',
              message: 'ucbridge could not open your web browser.',
              hint: 'Copy the link and open it in your browser yourself.',
            }),
          ),
        );
        child.once('spawn', () => {
          child.unref();
          resolve();
        });
      });
    },
  };
}
