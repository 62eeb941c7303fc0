import { AppFailure } from '../../shared/result';
import type { BrowserOpener } from '../ports';

/**
 * Hosts the app may send the user to (checklist item 15): documentation and the account consoles where an admin
 * creates app connections and service principals. Exact hosts, default port, https only.
 */
export const EXTERNAL_HOSTS: readonly string[] = [
  'docs.databricks.com',
  'learn.microsoft.com',
  'accounts.cloud.databricks.com',
  'accounts.azuredatabricks.net',
  'accounts.gcp.databricks.com',
];

const parse = (url: string): URL | undefined => {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
};

const endpointOf = (u: URL): string => `${u.protocol}//${u.host}${u.pathname}`;

/**
 * Whether `url` may be opened in the system browser. `dynamicAllow` holds the OAuth authorize endpoints main has
 * registered for sign-ins in progress (matched on scheme, host, port and path: the query differs per sign-in).
 */
export function isExternalUrlAllowed(url: string, dynamicAllow: readonly string[]): boolean {
  const u = parse(url);
  if (!u || u.protocol !== 'https:' || u.username !== '' || u.password !== '') return false;
  if (u.port === '' && EXTERNAL_HOSTS.includes(u.hostname)) return true;
  return dynamicAllow.some((entry) => {
    const allowed = parse(entry);
    return allowed !== undefined && endpointOf(allowed) === endpointOf(u);
  });
}

/** The sign-in flow's registrations: `allow(authorizeUrl)` for the duration of a sign-in, then release. */
export interface ExternalUrlAllowList {
  allow(url: string): () => void;
  current(): readonly string[];
}

export function createExternalUrlAllowList(): ExternalUrlAllowList {
  const entries: { readonly url: string }[] = [];
  return {
    allow(url) {
      const u = parse(url);
      if (!u || u.protocol !== 'https:') {
        throw new AppFailure({ code: 'BAD_REQUEST', message: 'Only https sign-in pages can be opened.' });
      }
      const entry = { url: endpointOf(u) };
      entries.push(entry);
      return () => {
        const at = entries.indexOf(entry);
        if (at >= 0) entries.splice(at, 1);
      };
    },
    current: () => entries.map((e) => e.url),
  };
}

const REFUSED = 'ucbridge only opens Databricks sign-in and documentation pages.';

/** Any opener, refusing what `isExternalUrlAllowed` refuses: how every host's BrowserOpener is built. */
export function guardBrowserOpener(opener: BrowserOpener, allowList: ExternalUrlAllowList): BrowserOpener {
  return {
    open(url) {
      if (!isExternalUrlAllowed(url, allowList.current())) {
        return Promise.reject(new AppFailure({ code: 'FORBIDDEN', message: REFUSED }));
      }
      return opener.open(url);
    },
  };
}
