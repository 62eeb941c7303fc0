import { useEffect } from 'react';
import { markFirstRender } from './first-render';

/** Rendered inside the step's Suspense boundary, after the step itself: it mounts once the step has rendered. */
export function FirstRenderMark({ ready }: { readonly ready: boolean }) {
  useEffect(() => {
    if (ready) markFirstRender();
  }, [ready]);
  return null;
}
