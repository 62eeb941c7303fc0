/**
 * The renderer's Content-Security-Policy (Electron security checklist item 7), sent as a response header by the
 * `app://` protocol handler and the browser harness; `renderer/index.html` carries the same policy as a `<meta>`
 * fallback, minus `frame-ancestors`, which browsers ignore in a meta element (CSP Level 3 §6.4.2, and Chromium logs
 * an error for it): it protects only as a header, which is where it is sent. No remote or inline scripts and no eval; the renderer talks only to its own origin (`'self'` also
 * covers the harness's same-origin WebSocket). Inline styles stay allowed for React's `style` attributes.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'worker-src': ["'self'"],
};

export const CONTENT_SECURITY_POLICY: string = Object.entries(CSP_DIRECTIVES)
  .map(([name, values]) => `${name} ${values.join(' ')}`)
  .join('; ');

/** Directives that only work as a response header (CSP Level 3: frame-ancestors, report-uri, sandbox). */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

/** The `<meta http-equiv>` fallback in renderer/index.html: the header's policy without the header-only directives. */
export const META_CONTENT_SECURITY_POLICY: string = Object.entries(CSP_DIRECTIVES)
  .filter(([name]) => !HEADER_ONLY.has(name))
  .map(([name, values]) => `${name} ${values.join(' ')}`)
  .join('; ');
