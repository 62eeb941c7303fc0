/**
 * The `performance.mark` set when the wizard first shows real content (header facts loaded and the current step's
 * module rendered). `bench/renderer-size.ts` reads it as navigation start → first meaningful render.
 */
export const FIRST_RENDER_MARK = 'ucbridge:first-render';

let marked = false;

export function markFirstRender(): void {
  if (marked) return;
  marked = true;
  performance.mark(FIRST_RENDER_MARK);
}
