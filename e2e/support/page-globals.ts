/**
 * The few browser globals the specs use inside `page.evaluate` callbacks, typed here because the e2e code is
 * type-checked with the Node program (tsconfig.node.json, no DOM lib). Those callbacks run in the page and are
 * serialized, so they reach the globals as `(globalThis as unknown as PageGlobals)`, a type-only cast.
 */
export interface PageElement {
  readonly tagName: string;
  readonly id: string;
  readonly textContent: string | null;
}

interface PageAnimation {
  readonly finished: Promise<unknown>;
}

export interface PageGlobals {
  readonly document: {
    readonly activeElement: PageElement | null;
    getAnimations(): PageAnimation[];
  };
  readonly navigator: { readonly clipboard: { readText(): Promise<string> } };
  readonly CSSTransition: abstract new (...args: never[]) => PageAnimation;
  getComputedStyle(element: unknown): { readonly animationName: string };
  requestAnimationFrame(callback: () => void): number;
  readonly axe?: {
    run(context: unknown, options: object): Promise<{ violations: AxeViolation[] }>;
  };
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: ReadonlyArray<{ readonly target: readonly unknown[] }>;
}
