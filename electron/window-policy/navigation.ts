/**
 * Navigation and new windows (checklist items 13-14). The renderer is a single page: it never needs to navigate
 * anywhere but its own entry, and links to documentation go through the allow-listed opener instead.
 */
export type NavigationDecision = 'allow' | 'deny';

export function decideNavigation(targetUrl: string, appUrl: string): NavigationDecision {
  let target: URL;
  let app: URL;
  try {
    target = new URL(targetUrl);
    app = new URL(appUrl);
  } catch {
    return 'deny';
  }
  const same = target.protocol === app.protocol && target.host === app.host && target.pathname === app.pathname;
  return same && target.username === '' && target.password === '' ? 'allow' : 'deny';
}

/** `setWindowOpenHandler`: no window is ever opened by the renderer. */
export const windowOpenDecision = (): { readonly action: 'deny' } => ({ action: 'deny' });
