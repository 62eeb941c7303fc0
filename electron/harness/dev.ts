import { fileURLToPath } from 'node:url';
import { formatRecord } from '../logging/logger';
import { createSystemBrowserOpener } from '../node/system-browser-opener';
import { emulatorSandbox } from '../services/session/emulator-sandbox';
import { announceLine, type Opening } from './announce';
import { parseDevArgs } from './dev-options';
import { buildRenderer, isRendererStale } from './renderer-build';
import { DEFAULT_RENDERER_DIR, startHarness } from './start-harness';

/** `npm run dev:browser`, and `npm start` where there is no Electron: the whole app in your browser. */
async function main(): Promise<void> {
  const options = parseDevArgs(process.argv.slice(2));
  const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
  if (options.rendererDir === undefined && (options.rebuild || (await isRendererStale(repoRoot, DEFAULT_RENDERER_DIR)))) {
    console.log('ucbridge: building the app for the browser (vite build)…');
    await buildRenderer(repoRoot);
  }
  const harness = await startHarness({
    userDataDir: options.userDataDir,
    port: options.port,
    ...(options.rendererDir === undefined ? {} : { rendererDir: options.rendererDir }),
    // Running from source: the Authenticate step's "Local sandbox" starts the emulator in this process.
    sandbox: emulatorSandbox({ log: (line) => console.error(`sandbox ${line}`) }),
    // Warnings and errors only: the terminal shows the one line printed once started, and what goes wrong.
    log: { sinks: [(r) => (r.level === 'warn' || r.level === 'error') && console.error(`${r.level.padEnd(5)} ${formatRecord(r)}`)] },
  });
  const once = harness.oneTimeUrl();
  let opening: Opening = { kind: 'not-asked' };
  if (options.open) {
    opening = await createSystemBrowserOpener()
      .open(once.url)
      .then(
        (): Opening => ({ kind: 'opened' }),
        (): Opening => ({ kind: 'failed' }),
      );
  }
  console.log(announceLine({ why: options.why, opening, url: harness.url, oneTimeUrl: once.url, userDataDir: options.userDataDir }));
  const stop = (): void => {
    void harness.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(`ucbridge: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
