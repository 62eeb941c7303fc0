import type { Page } from '@playwright/test';

/**
 * Collects console errors and uncaught page errors (React warnings, CSP refusals, crashes) for the test to check.
 * None is expected: not even the "frame-ancestors is ignored in a <meta> element" one, since the meta fallback
 * leaves that directive to the header (electron/window-policy/csp.ts).
 */
export function watchConsole(page: Page): () => readonly string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  return () => problems;
}
