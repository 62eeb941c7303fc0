import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDialogFileSaver } from './dialog-file-saver';

const electron = vi.hoisted(() => ({
  app: { getPath: vi.fn((_name: string) => '/home/u/Downloads') },
  BrowserWindow: { getFocusedWindow: vi.fn((): unknown => null) },
  dialog: { showSaveDialog: vi.fn(async (..._args: unknown[]): Promise<{ canceled: boolean; filePath?: string }> => ({ canceled: true })) },
}));
vi.mock('electron', () => electron);

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ucb-dialog-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('createDialogFileSaver', () => {
  it('asks where to save, suggesting the name in Downloads, and writes with the mode asked for', async () => {
    const target = join(dir, 'picked.json');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const path = await createDialogFileSaver().save({ suggestedName: 'integration.json', content: '{"a":1}', mode: 0o600 });
    expect(path).toBe(target);
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: join('/home/u/Downloads', 'integration.json') }));
    expect(await readFile(target, 'utf8')).toBe('{"a":1}');
    if (process.platform !== 'win32') expect((await stat(target)).mode & 0o777).toBe(0o600);
  });

  it('writes nothing when the user cancels', async () => {
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true });
    expect(await createDialogFileSaver().save({ suggestedName: 'x.json', content: 'x', mode: 0o600 })).toBeNull();
  });
});
