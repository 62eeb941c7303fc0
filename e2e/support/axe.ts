import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { REPO_ROOT } from './environment';
import type { AxeViolation, PageGlobals } from './page-globals';

const AXE_PATH = join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/**
 * `page.addScriptTag({path})` inserts an inline <script>, which the app's CSP (script-src 'self') refuses, as it
 * should. Evaluating the same file through the DevTools protocol is not subject to the page's CSP, so the e2e
 * keeps the real policy on (and would catch the app itself breaking it).
 */
async function injectAxe(page: Page): Promise<void> {
  const loaded = await page.evaluate(() => (globalThis as unknown as PageGlobals).axe !== undefined);
  if (!loaded) await page.evaluate(readFileSync(AXE_PATH, 'utf8'));
}

const describe = (v: AxeViolation): string =>
  `${v.impact}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`;

/** Runs axe-core on the whole page and fails on any serious or critical violation (all findings are listed). */
export async function expectNoSeriousA11yViolations(page: Page, where: string): Promise<void> {
  await injectAxe(page);
  const violations: AxeViolation[] = await page.evaluate(async () => {
    const { axe, document } = globalThis as unknown as PageGlobals;
    if (!axe) throw new Error('axe-core did not load');
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map(describe), `axe on ${where}; all findings:\n${violations.map(describe).join('\n')}`).toEqual([]);
}
