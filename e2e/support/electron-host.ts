import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { ElectronApplication } from '@playwright/test';
import { EVENT_CHANNEL } from '../../electron/ipc-wire';
import type { ScenarioHost, TaskControl } from '../scenarios/scenario-host';
import { SCREENSHOT_DIR } from './environment';

/**
 * What the `_electron` run reaches inside Electron's main process. Events go through the real IPC event channel
 * and preload. Tasks need the composed main app, which main exposes to tests only when not packaged and
 * UCBRIDGE_E2E=1 (as `globalThis.__ucbridgeMain`); evaluate() callbacks run there and are serialized, so they
 * carry everything they use.
 */
interface HeldTask {
  release?: () => void;
  report?: (update: object) => void;
  outcome?: Promise<string>;
}
type MainGlobals = typeof globalThis & {
  __ucbridgeMain?: {
    tasks: {
      run(id: string, options: object, work: (task: { signal: AbortSignal; progress(u: object): void }) => Promise<void>): Promise<void>;
    };
  };
  __ucbridgeE2ETasks?: Map<string, HeldTask>;
};

async function startTask(app: ElectronApplication, options: { label: string; total?: number }): Promise<TaskControl> {
  const taskId = `e2e${randomUUID().replaceAll('-', '')}`;
  await app.evaluate(async (_electron, { id, options }) => {
    const g = globalThis as MainGlobals;
    if (!g.__ucbridgeMain) throw new Error('main did not expose __ucbridgeMain (start it with UCBRIDGE_E2E=1, unpackaged)');
    const held: HeldTask = {};
    (g.__ucbridgeE2ETasks ??= new Map()).set(id, held);
    await new Promise<void>((started) => {
      held.outcome = g.__ucbridgeMain!.tasks
        .run(id, options, async (task) => {
          held.report = (update) => task.progress(update);
          started();
          await new Promise<void>((done) => {
            held.release = done;
            task.signal.addEventListener('abort', () => done(), { once: true });
          });
        })
        .then(
          () => 'succeeded',
          (e: { error?: { code?: string } }) => (e?.error?.code === 'CANCELLED' ? 'cancelled' : 'failed'),
        );
    });
  }, { id: taskId, options });
  return {
    taskId,
    progress: (update) =>
      app.evaluate(async (_electron, { id, update }) => {
        // The registry publishes intermediate progress at most every 100 ms.
        await new Promise((r) => setTimeout(r, 150));
        (globalThis as MainGlobals).__ucbridgeE2ETasks?.get(id)?.report?.(update);
      }, { id: taskId, update }),
    succeed: () => app.evaluate((_electron, id) => (globalThis as MainGlobals).__ucbridgeE2ETasks?.get(id)?.release?.(), taskId),
    outcome: () =>
      app.evaluate((_electron, id) => (globalThis as MainGlobals).__ucbridgeE2ETasks?.get(id)?.outcome, taskId) as Promise<
        'succeeded' | 'failed' | 'cancelled'
      >,
  };
}

export function electronHost(app: ElectronApplication): ScenarioHost {
  return {
    mode: 'electron',
    publish: async (name, payload) => {
      await app.evaluate(({ BrowserWindow }, { channel, message }) => {
        for (const window of BrowserWindow.getAllWindows()) window.webContents.send(channel, message);
      }, { channel: EVENT_CHANNEL, message: { name, payload } });
    },
    startTask: (options) => startTask(app, options),
    readClipboard: () => app.evaluate(({ clipboard }) => clipboard.readText()),
    screenshotPath: (name) => join(SCREENSHOT_DIR, `electron-${name}.png`),
  };
}
