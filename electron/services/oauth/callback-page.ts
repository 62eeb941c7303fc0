/**
 * The page the browser shows after the loopback callback. It is served from a second path, after a 302, so the
 * authorization code leaves the address bar and history (as VS Code's GitHub sign-in does; reference
 * electron-architecture-security-testing.md §5.3 step 6). No script, no external resource, nothing echoed
 * unescaped.
 */

export const RESULT_PATH = '/ucbridge/sign-in-result';

export const PAGE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; frame-ancestors 'none'",
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
});

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export function callbackPage(title: string, lines: readonly string[]): string {
  const body = lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('');
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">' +
    `<title>${escapeHtml(title)}</title><style>body{font:16px system-ui,sans-serif;max-width:36rem;margin:4rem auto;` +
    'padding:0 1rem;color:#1b1f24}h1{font-size:1.4rem}</style></head>' +
    `<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`
  );
}
