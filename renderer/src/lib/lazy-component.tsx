import { createElement, useEffect, useState, type ComponentType } from 'react';

/** A component whose module (and the libraries only it uses) loads on first use, not with the first render. */
export interface LazyComponent<P> {
  /** Starts loading once (again after a failure); resolves to the component. */
  readonly load: () => Promise<ComponentType<P>>;
  /** The component once its module has loaded. */
  readonly loaded: () => ComponentType<P> | undefined;
}

/**
 *   const disconnectDialog = lazyComponent(() => import('./disconnect-dialog').then((m) => m.DisconnectDialog));
 */
export function lazyComponent<P>(importer: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let component: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  return {
    load: () => {
      pending ??= importer().then(
        (c) => (component = c),
        (error: unknown) => {
          pending = undefined;
          throw error;
        },
      );
      return pending;
    },
    loaded: () => component,
  };
}

/** What <Lazy> renders: `component` with `props`, once `wanted` has been true and its module has loaded. */
export interface LazyProps<P extends object> {
  readonly component: LazyComponent<P>;
  readonly wanted: boolean;
  readonly props: P;
  /** The module could not be loaded (the caller says so where the user looks). */
  readonly onError: (error: unknown) => void;
}

/**
 * Renders a lazy component once it is wanted and loaded, nothing before. Unlike React.lazy there is no Suspense
 * boundary: nothing suspends, so React's reveal throttle (up to 300 ms after a fallback showed) never delays it,
 * and a component already loaded renders at once. Loading starts when `wanted` first becomes true (or earlier
 * through `component.load()`, e.g. when its button is pointed at).
 *
 *   <Lazy component={disconnectDialog} wanted={confirming} props={{ open: confirming, session, onClose }} onError={failed} />
 */
export function Lazy<P extends object>({ component, wanted, props, onError }: LazyProps<P>) {
  const [loaded, setLoaded] = useState(() => component.loaded());
  useEffect(() => {
    if (!wanted || loaded) return;
    let live = true;
    component.load().then(
      (c) => live && setLoaded(() => c),
      (error: unknown) => live && onError(error),
    );
    return () => {
      live = false;
    };
  }, [wanted, loaded, component, onError]);
  return loaded ? createElement(loaded, props) : null;
}
