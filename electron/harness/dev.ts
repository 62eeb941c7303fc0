import { fileURLToPath } from 'node:url';
import { formatRecord } from '../logging/logger';
import { createSystemBrowserOpener } from '../node/system-browser-opener';
import { emulatorSandbox } from '../services/session/emulator-sandbox';
import { parseDevArgs } from './dev-options';
import { buildRenderer, isRendererStale } from './renderer-build';
import { DEFAULT_RENDERER_DIR, startHarness } from './start-harness';

/** `npm run dev:browser`: the whole app in your browser, no Electron needed. */
async function main(): Promise<void> {
  const options = parseDevArgs(process.argv.slice(2));
  const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
  if (options.rebuild || (await isRendererStale(repoRoot, DEFAULT_RENDERER_DIR))) {
    console.log('ucbridge: building the renderer (vite build)…');
    await buildRenderer(repoRoot);
  }
  const harness = await startHarness({
    userDataDir: options.userDataDir,
    port: options.port,
    // Running from source: the Authenticate step's "Local sandbox" starts the emulator in this process.
    sandbox: emulatorSandbox({ log: (line) => console.error(`sandbox ${line}`) }),
    log: { sinks: [(r) => r.level !== 'debug' && console.error(`${r.level.padEnd(5)} ${formatRecord(r)}`)] },
  });
  console.log(`ucbridge harness: ${harness.url}  (state in ${options.userDataDir}; Ctrl+C to stop)`);
  if (options.open) {
    await createSystemBrowserOpener()
      .open(harness.url)
      .catch(() => console.log('ucbridge: could not open a browser; open the address above yourself.'));
  }
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
