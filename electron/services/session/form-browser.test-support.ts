import { Agent, request } from 'undici';
import type { BrowserOpener } from '../../ports';

/**
 * A minimal scripted "system browser" for integration tests: follows redirects with a cookie jar, signs in on the
 * sandbox's login page, answers its consent page, and finally delivers the callback to the app's loopback
 * listener — exactly the requests a real browser would make. Chromium drives the same pages in the e2e specs.
 */
export interface FormBrowserOptions {
  readonly caPem: string;
  readonly userName: string;
  readonly password: string;
  readonly consent: 'allow' | 'deny';
}

export interface FormBrowser extends BrowserOpener {
  /** Every URL this browser visited, in order. */
  readonly visited: string[];
  /** Resolves when the last opened flow finished (or failed). */
  done(): Promise<void>;
  close(): Promise<void>;
}

const action = (html: string, label: string): string | undefined => {
  const forms = [...html.matchAll(/<form method="post" action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/g)];
  const form = forms.find((f) => (f[2] ?? '').includes(label));
  return form?.[1]?.replace(/&amp;/g, '&');
};

export function createFormBrowser(o: FormBrowserOptions): FormBrowser {
  const agent = new Agent({ connect: { ca: o.caPem } });
  const jar = new Map<string, string>();
  const visited: string[] = [];
  let flow: Promise<void> = Promise.resolve();

  async function go(url: string, method: 'GET' | 'POST' = 'GET', form?: Record<string, string>): Promise<string> {
    let current = url;
    let m = method;
    let body = form ? new URLSearchParams(form).toString() : undefined;
    for (let hops = 0; hops < 20; hops++) {
      visited.push(current);
      const u = new URL(current);
      const cookie = [...jar.entries()].filter(([k]) => k.startsWith(`${u.host}|`)).map(([k, v]) => `${k.split('|')[1]}=${v}`).join('; ');
      const res = await request(current, {
        method: m,
        dispatcher: u.protocol === 'https:' ? agent : undefined,
        headers: { ...(cookie ? { cookie } : {}), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
        body,
      });
      const setCookie = res.headers['set-cookie'];
      for (const c of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
        const [pair] = c.split(';');
        const at = pair!.indexOf('=');
        jar.set(`${u.host}|${pair!.slice(0, at)}`, pair!.slice(at + 1));
      }
      const text = await res.body.text();
      const location = res.headers.location;
      if (res.statusCode >= 300 && res.statusCode < 400 && typeof location === 'string') {
        current = new URL(location, current).toString();
        m = 'GET';
        body = undefined;
        continue;
      }
      return text;
    }
    throw new Error('too many redirects');
  }

  async function signIn(url: string): Promise<void> {
    let page = await go(url);
    const login = action(page, 'Sign in');
    if (login) page = await go(new URL(login, url).toString(), 'POST', { username: o.userName, password: o.password });
    const consent = action(page, o.consent === 'allow' ? 'Allow' : 'Deny');
    if (consent) await go(new URL(consent, url).toString(), 'POST', {});
  }

  return {
    visited,
    async open(url) {
      flow = signIn(url);
      flow.catch(() => undefined);
    },
    done: () => flow,
    close: () => agent.close(),
  };
}
