/**
 * The sign-in and consent pages. Self-contained HTML (inline CSS, no fonts or scripts from elsewhere) with labelled
 * inputs so both people and Playwright (`getByLabel`) can use them.
 */
const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

// No form-action directive: Chromium applies it to the redirect chain after a form post, which ends at the
// client's loopback redirect URI.
export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'";

// One look for both pages: the consent page's Allow and Deny are the login page's button, side by side (primary and
// secondary), not the browser's default buttons stacked under each other.
const STYLE = `body{font-family:system-ui,sans-serif;background:#f5f5f4;margin:0;display:flex;justify-content:center;color:#1c1917}
main{background:#fff;margin-top:10vh;padding:2rem 2.5rem;border-radius:8px;box-shadow:0 1px 4px #0002;width:22rem}
h1{font-size:1.3rem;margin:0 0 1rem}label{display:block;margin:.8rem 0 .3rem;font-weight:600}
input{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem;border:1px solid #a8a29e;border-radius:6px}
button{margin-top:1.2rem;padding:.55rem 1.2rem;font-size:1rem;font-weight:600;border-radius:6px;cursor:pointer;
border:1px solid #b42318;background:#b42318;color:#fff}button:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
button.secondary{background:#fff;color:#1c1917;border-color:#a8a29e}
.actions{display:flex;gap:.75rem;justify-content:flex-end}.actions form{margin:0}
.error{color:#b00020;margin:.5rem 0}.muted{color:#555;font-size:.9rem}ul{padding-left:1.2rem}`;

function layout(title: string, content: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><style>${STYLE}</style></head>
<body><main>${content}</main></body></html>`;
}

export interface LoginPageModel {
  readonly action: string;
  readonly appName: string;
  readonly userName?: string;
  readonly error?: string;
}

export function loginPage(m: LoginPageModel): string {
  const error = m.error ? `<p class="error" role="alert">${escapeHtml(m.error)}</p>` : '';
  return layout(
    'Sign in to Databricks (sandbox)',
    `<h1>Sign in to the sandbox workspace</h1>
<p class="muted">${escapeHtml(m.appName)} wants to connect to this workspace.</p>${error}
<form method="post" action="${escapeHtml(m.action)}" autocomplete="off">
<label for="username">Email</label>
<input id="username" name="username" type="email" autocomplete="username" required value="${escapeHtml(m.userName ?? '')}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button></form>`,
  );
}

export interface ConsentPageModel {
  readonly allowAction: string;
  readonly denyAction: string;
  readonly appName: string;
  readonly userName: string;
  readonly scopes: readonly string[];
}

const SCOPE_TEXT: Readonly<Record<string, string>> = {
  'all-apis': 'Call every Databricks API as you',
  sql: 'Run SQL on warehouses as you',
  offline_access: 'Stay signed in (refresh tokens)',
  openid: 'Know who you are',
  email: 'See your email address',
  profile: 'See your name',
};

export function consentPage(m: ConsentPageModel): string {
  const items = m.scopes.map((s) => `<li>${escapeHtml(SCOPE_TEXT[s] ?? s)} <span class="muted">(${escapeHtml(s)})</span></li>`).join('');
  return layout(
    'Authorize application',
    `<h1>Allow ${escapeHtml(m.appName)}?</h1>
<p>Signed in as <strong>${escapeHtml(m.userName)}</strong>. The application asks to:</p><ul>${items}</ul>
<div class="actions">
<form method="post" action="${escapeHtml(m.denyAction)}"><button type="submit" class="secondary">Deny</button></form>
<form method="post" action="${escapeHtml(m.allowAction)}"><button type="submit">Allow</button></form>
</div>`,
  );
}
