import type { ExportFile } from '../../../../shared/contract/integration';

/**
 * Files main generated (scripts, the payload without secret) are saved through the browser's own download, so
 * the user picks where they go. A `data:` URL, not a Blob URL: the app's session lets the renderer load only its
 * own scheme, DevTools and `data:` (electron/window-policy/permissions.ts); CSP does not govern downloads, and a
 * data: URL works the same in Electron and in the browser harness. The scripts are a few kilobytes.
 */
export const dataUrlOf = (file: ExportFile): string => `data:${file.mediaType};charset=utf-8,${encodeURIComponent(file.content)}`;

export function downloadFile(file: ExportFile): void {
  const link = document.createElement('a');
  link.href = dataUrlOf(file);
  link.download = file.name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}
