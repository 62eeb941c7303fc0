import { app, BrowserWindow, dialog } from 'electron';
import { join } from 'node:path';
import { writeFileAtomic } from '../node/atomic-write';
import type { FileSaver } from '../ports';

/**
 * Exports in the desktop app: the OS save dialog (attached to the focused window so it is modal), then an atomic
 * write with the mode asked for. The renderer never sees the content of a file saved this way — that is how a
 * payload holding a client secret leaves the app without crossing IPC.
 */
export function createDialogFileSaver(): FileSaver {
  return {
    async save({ suggestedName, content, mode }) {
      const options = {
        defaultPath: join(app.getPath('downloads'), suggestedName),
        properties: ['showOverwriteConfirmation', 'createDirectory'] as Array<'showOverwriteConfirmation' | 'createDirectory'>,
      };
      const parent = BrowserWindow.getFocusedWindow();
      const picked = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      if (picked.canceled || !picked.filePath) return null;
      await writeFileAtomic(picked.filePath, content, mode);
      return picked.filePath;
    },
  };
}
