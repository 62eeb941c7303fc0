import { expect, type Page } from '@playwright/test';

/** The widths the wizard must fit without sideways scrolling (issue: laptop to desktop). */
export const WIDTHS = [1024, 1280, 1440, 1920] as const;

// Typed here: the e2e program has no DOM lib (page-globals.ts lists only what most specs use).
interface Rect {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}
interface El {
  readonly tagName: string;
  readonly className: unknown;
  readonly scrollWidth: number;
  readonly clientWidth: number;
  readonly children: ArrayLike<El>;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): Rect;
  closest(selector: string): El | null;
  readonly parentElement: El | null;
}
interface Doc {
  readonly documentElement: El;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
}
interface LayoutGlobals {
  readonly document: Doc;
  getComputedStyle(el: El): { readonly overflowX: string; readonly display: string; readonly visibility: string };
}

/**
 * Everything that sticks out: the page scrolling sideways, and any element wider than the card it sits in (a step-2
 * section, the step panel, a notice, a progress card) or than the window. Elements inside a scroller are measured
 * against the scroller, and a scroller that needs sideways scrolling is itself reported unless it is a code block
 * (SQL keeps its lines; the block scrolls by itself).
 */
export async function overflowProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { document, getComputedStyle } = globalThis as unknown as LayoutGlobals;
    const CARDS = '.ci-section, .step-panel, .notice, .progress-view, .ui-substeps, .app-header, .step-indicator, .ci-option';
    const width = document.documentElement.clientWidth;
    const name = (e: El) => `${e.tagName.toLowerCase()}.${String(e.className).trim().split(/\s+/).join('.')}${e.getAttribute('data-testid') ? `[${e.getAttribute('data-testid')}]` : ''}`;
    const problems: string[] = [];
    if (document.documentElement.scrollWidth > width) problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    const scrollerOf = (e: El): El | null => {
      for (let p = e.parentElement; p; p = p.parentElement) if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(p).overflowX)) return p;
      return null;
    };
    const all = Array.from(document.querySelectorAll('body *')) as El[];
    for (const e of all) {
      const style = getComputedStyle(e);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const r = e.getBoundingClientRect();
      if (r.right - r.left === 0) continue;
      // Screen-reader-only text is 1 px and clipped on purpose; Radix portals (popovers, tooltips) are not in a card.
      if (e.closest('.visually-hidden, [data-radix-popper-content-wrapper]')) continue;
      const scroller = scrollerOf(e);
      // A clipped box (overflow hidden: truncated text with its full text on hover) is fine; a scroller that has to be
      // scrolled sideways to read it is not, unless it is a code block.
      const scrolls = scroller !== null && ['auto', 'scroll'].includes(getComputedStyle(scroller).overflowX);
      if (scroller && scrolls && scroller.closest('pre, code, .ci-sql') === null && scroller.scrollWidth > scroller.clientWidth + 1 && !problems.some((p) => p.startsWith(`scroller ${name(scroller)}`))) {
        problems.push(`scroller ${name(scroller)} needs sideways scrolling: ${scroller.scrollWidth} > ${scroller.clientWidth}`);
      }
      if (scroller) continue;
      const card = e.parentElement?.closest(CARDS);
      const bound = card ? card.getBoundingClientRect() : { left: 0, right: width };
      if (r.right > bound.right + 1 || r.left < bound.left - 1) problems.push(`${name(e)} sticks out of ${card ? name(card) : 'the window'} by ${Math.round(Math.max(r.right - bound.right, bound.left - r.left))} px`);
    }
    return problems.slice(0, 12);
  });
}

/** The header keeps one row: each of its parts starts above where the first one ends. */
export async function headerRows(page: Page): Promise<number> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as LayoutGlobals;
    const header = document.querySelector('.app-header');
    if (!header) return 0;
    const tops: number[] = [];
    for (const child of Array.from(header.children)) {
      const r = child.getBoundingClientRect();
      if (r.right - r.left === 0) continue;
      if (!tops.some((t) => Math.abs(t - r.top) < r.bottom - r.top)) tops.push(r.top);
    }
    return tops.length;
  });
}

/**
 * At each width, in light and dark: nothing sticks out; from 1280 px the header is one row. The viewport is
 * put back afterwards.
 */
export async function expectFitsAllWidths(page: Page, where: string): Promise<void> {
  const size = page.viewportSize();
  if (!size) throw new Error('no viewport');
  try {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: size.height });
        expect(await overflowProblems(page), `${where} at ${width} px (${scheme})`).toEqual([]);
        if (width >= 1280) expect(await headerRows(page), `${where}: the header at ${width} px is one row`).toBe(1);
      }
    }
  } finally {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize(size);
  }
}
