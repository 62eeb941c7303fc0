import type { DevOptions } from './dev-options';

/** What the browser harness did, in the one line it prints when it starts (npm start, npm run dev:browser). */
export type Opening = { readonly kind: 'opened' } | { readonly kind: 'not-asked' } | { readonly kind: 'failed' };

const WHY: Readonly<Record<NonNullable<DevOptions['why']>, string>> = {
  'no-electron': 'no Electron binary on this machine, so the app runs in your browser',
};

/**
 * One line: why it runs in the browser, what it did, and — when no browser was opened — the one-time address to
 * open by hand (the terminal is its owner's alone; the address works once).
 */
export function announceLine(o: { readonly why: DevOptions['why']; readonly opening: Opening; readonly url: string; readonly oneTimeUrl: string; readonly userDataDir: string }): string {
  const why = o.why ? WHY[o.why] : 'the app runs in your browser';
  const tail = `state in ${o.userDataDir}; Ctrl+C stops it`;
  switch (o.opening.kind) {
    case 'opened':
      return `ucbridge: ${why}: opened ${o.url} in your browser with a one-time sign-in address (${tail}).`;
    case 'not-asked':
      return `ucbridge: ${why}: open ${o.oneTimeUrl} — the address works once (${tail}).`;
    case 'failed':
      return `ucbridge: ${why}, but no browser could be opened: open ${o.oneTimeUrl} yourself — the address works once (${tail}).`;
  }
}
