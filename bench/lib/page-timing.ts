import type { Page } from 'playwright-core';

/** The browser globals the timing callbacks use (bench code is type-checked without the DOM lib). */
interface TimingGlobals {
  readonly document: {
    querySelector(selector: string): { click(): void; dispatchEvent(e: unknown): boolean } | null;
    readonly body: unknown;
  };
  readonly performance: { now(): number };
  readonly MutationObserver: new (cb: () => void) => { observe(target: unknown, o: object): void; disconnect(): void };
  readonly Event: new (type: string, o: object) => unknown;
  readonly HTMLInputElement: { readonly prototype: object };
}

/**
 * Milliseconds from a click on `click` until `until` is in the DOM, measured in the page (a MutationObserver sees
 * React's commit; no polling interval is added to the figure).
 */
export function timeClick(page: Page, click: string, until: string): Promise<number> {
  return page.evaluate(
    ([clickSel, untilSel]) => {
      const g = globalThis as unknown as TimingGlobals;
      return new Promise<number>((resolve, reject) => {
        const target = g.document.querySelector(clickSel);
        if (!target) return reject(new Error(`nothing matches ${clickSel}`));
        let start = 0;
        const observer = new g.MutationObserver(() => {
          if (g.document.querySelector(untilSel)) {
            observer.disconnect();
            resolve(g.performance.now() - start);
          }
        });
        observer.observe(g.document.body, { childList: true, subtree: true, attributes: true });
        start = g.performance.now();
        target.click();
      });
    },
    [click, until] as const,
  );
}

/** Milliseconds from typing `text` into the input `input` (as one change, like a paste) until `until(text)` is in the DOM. */
export function timeInput(page: Page, input: string, text: string, until: string): Promise<number> {
  return page.evaluate(
    ([inputSel, value, untilSel]) => {
      const g = globalThis as unknown as TimingGlobals;
      return new Promise<number>((resolve, reject) => {
        const el = g.document.querySelector(inputSel);
        if (!el) return reject(new Error(`nothing matches ${inputSel}`));
        const observer = new g.MutationObserver(() => {
          if (g.document.querySelector(untilSel)) {
            observer.disconnect();
            resolve(g.performance.now() - start);
          }
        });
        observer.observe(g.document.body, { childList: true, subtree: true, attributes: true });
        // React listens for `input` and reads the value through the prototype's setter, not the own property.
        const setter = Object.getOwnPropertyDescriptor(g.HTMLInputElement.prototype, 'value')!.set!;
        const start = g.performance.now();
        setter.call(el, value);
        el.dispatchEvent(new g.Event('input', { bubbles: true }));
      });
    },
    [input, text, until] as const,
  );
}
