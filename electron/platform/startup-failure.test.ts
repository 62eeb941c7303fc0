import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reportStartupFailure, startupFailureText, STARTUP_FAILURE_TITLE } from './startup-failure';

const { app, dialog, order } = await vi.hoisted(async () => {
  const { createFakeApp } = await import('./fake-electron-app.test-support');
  const order: string[] = [];
  return { app: createFakeApp(), dialog: { showErrorBox: vi.fn((_title: string, _content: string) => void order.push('dialog')) }, order };
});
vi.mock('electron', () => ({ app, dialog }));

let userData: string;
beforeEach(async () => {
  app.reset();
  order.length = 0;
  userData = await mkdtemp(join(tmpdir(), 'ucbridge-startup-'));
  app.setPath('userData', userData);
  app.exit.mockImplementation((code: number) => void order.push(`exit ${code}`));
});
afterEach(() => rm(userData, { recursive: true, force: true }));

describe('a start-up failure', () => {
  it('is written to the log, then shown with the log path, then the app exits with 1', async () => {
    await reportStartupFailure(new Error('state directory is not writable'));
    const logPath = join(userData, 'logs', 'ucbridge.log');
    const line = JSON.parse((await readFile(logPath, 'utf8')).trim()) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 'error', message: STARTUP_FAILURE_TITLE });
    expect(JSON.stringify(line)).toContain('state directory is not writable');
    expect(dialog.showErrorBox).toHaveBeenCalledWith(
      'ucbridge could not start',
      expect.stringContaining(`state directory is not writable\n\nThe details are in the log file:\n${logPath}`),
    );
    expect(order).toEqual(['dialog', 'exit 1']);
  });

  it('keeps secrets out of the log and the dialog', async () => {
    await reportStartupFailure(new Error('refresh failed: access_token=dapi0123456789abcdef0123456789abcdef'));
    const shown = dialog.showErrorBox.mock.calls[0]![1];
    const logged = await readFile(join(userData, 'logs', 'ucbridge.log'), 'utf8');
    for (const text of [shown, logged]) expect(text).not.toContain('dapi0123456789abcdef0123456789abcdef');
  });

  it('says so when the log could not be written, and still shows the dialog and exits', async () => {
    // A file where the userData folder should be: nothing can be created under it.
    await writeFile(join(userData, 'not-a-folder'), '');
    app.setPath('userData', join(userData, 'not-a-folder'));
    await reportStartupFailure('boom');
    expect(dialog.showErrorBox.mock.calls[0]![1]).toContain('The log file could not be written either');
    expect(app.exit).toHaveBeenCalledWith(1);
  });

  it('exits with 1 even when the dialog itself fails', async () => {
    dialog.showErrorBox.mockImplementationOnce(() => {
      throw new Error('no display');
    });
    await expect(reportStartupFailure(new Error('x'))).rejects.toThrow('no display');
    expect(app.exit).toHaveBeenCalledWith(1);
  });

  it('names the file, or what to check when there is none', () => {
    expect(startupFailureText('m', '/l/ucbridge.log', true)).toBe(
      'm\n\nThe details are in the log file:\n/l/ucbridge.log\n\nSend that file with a report if this happens again.',
    );
    expect(startupFailureText('m', '/l/ucbridge.log', false)).toContain('check that this folder is writable');
  });
});
