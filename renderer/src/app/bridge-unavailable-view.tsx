/**
 * Neither the Electron preload nor the browser harness is there: this page was opened on its own (a stray
 * `vite preview`, a saved file). Nothing can work, so say what to open instead.
 */
export function BridgeUnavailableView() {
  return (
    <main className="bridge-unavailable" id="main">
      <section className="error-view" role="alert" aria-labelledby="bridge-unavailable-title" data-testid="bridge-unavailable">
        <h1 id="bridge-unavailable-title" className="error-view__title">
          This window is not connected to ucbridge
        </h1>
        <p className="error-view__message">
          The set-up wizard needs ucbridge’s main process to reach your workspace, and this page has no connection
          to it.
        </p>
        <p className="error-view__hint">
          <strong>What to do: </strong>
          Start the desktop app with <code>npm start</code>, or the browser harness with{' '}
          <code>npm run dev:browser</code> and open the address it prints.
        </p>
      </section>
    </main>
  );
}
