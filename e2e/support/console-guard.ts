import type { Page } from '@playwright/test';

/**
 * Chromium reports that `frame-ancestors` is ignored in a <meta> CSP. The meta tag is only the fallback for the
 * header the main process sends (where frame-ancestors does apply), so this one message is expected.
 */
const EXPECTED = [/frame-ancestors' is ignored when delivered via a <meta> element/];

/** Collects console errors and uncaught page errors (React warnings, CSP refusals, crashes) for the test to check. */
export function watchConsole(page: Page): () => readonly string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (!EXPECTED.some((re) => re.test(text))) problems.push(`console.error: ${text}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  return () => problems;
}
