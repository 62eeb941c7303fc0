import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Harness } from '../../electron/harness/start-harness';
import type { ScenarioHost, TaskControl } from '../scenarios/scenario-host';
import { SCREENSHOT_DIR } from './environment';
import type { PageGlobals } from './page-globals';

/** The registry sends intermediate progress at most every 100 ms; wait that out so each update is published. */
const PROGRESS_INTERVAL_MS = 150;

/** An AppFailure with code CANCELLED, checked by shape (the harness is a separate module graph: main-modules.ts). */
const isCancelled = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && 'error' in e && (e as { error: { code?: unknown } }).error.code === 'CANCELLED';

/** Runs a real task in the harness's task registry, held open until the scenario lets it finish or cancels it. */
async function startTask(harness: Harness, options: { label: string; total?: number }): Promise<TaskControl> {
  const taskId = `e2e${randomUUID().replaceAll('-', '')}`;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let report!: (update: { label?: string; done?: number; total?: number }) => void;
  let outcome!: Promise<'succeeded' | 'failed' | 'cancelled'>;
  const started = new Promise<void>((resolve) => {
    const run = harness.app.tasks.run(taskId, options, async (task) => {
      report = (update) => task.progress(update);
      resolve();
      await new Promise<void>((done) => {
        void released.then(done);
        task.signal.addEventListener('abort', () => done(), { once: true });
      });
    });
    outcome = run.then(
      () => 'succeeded' as const,
      (e: unknown) => (isCancelled(e) ? 'cancelled' : 'failed'),
    );
  });
  await started;
  return {
    taskId,
    async progress(update) {
      await new Promise((r) => setTimeout(r, PROGRESS_INTERVAL_MS));
      report(update);
    },
    succeed: async () => release(),
    outcome: () => outcome,
  };
}

export function harnessHost(harness: Harness, page: Page): ScenarioHost {
  return {
    mode: 'harness',
    publish: async (name, payload) => harness.app.events.publish(name, payload),
    startTask: (options) => startTask(harness, options),
    readClipboard: () => page.evaluate(() => (globalThis as unknown as PageGlobals).navigator.clipboard.readText()),
    screenshotPath: (name) => join(SCREENSHOT_DIR, `harness-${name}.png`),
  };
}
