import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from './window-options';

describe('mainWindowOptions', () => {
  const { webPreferences, ...window } = mainWindowOptions('/app/out/preload/index.cjs');

  it('pins every security switch', () => {
    expect(webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('never enables Blink features or a partition that could share state', () => {
    expect(webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(webPreferences).not.toHaveProperty('partition');
    expect(webPreferences).not.toHaveProperty('additionalArguments');
  });

  it('shows the window only once it has painted', () => {
    expect(window.show).toBe(false);
  });

  it('writes webPreferences literally (no spread), so Electronegativity can read them', async () => {
    const { readFile } = await import('node:fs/promises');
    const source = await readFile(new URL('./window-options.ts', import.meta.url), 'utf8');
    const block = source.slice(source.indexOf('webPreferences: {'));
    expect(block.slice(0, block.indexOf('},'))).not.toContain('...');
  });
});
