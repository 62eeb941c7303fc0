/**
 * The main window's options, as a pure function so tests pin every security switch (checklist items 2-4, 6, 8-12).
 * webPreferences are written out literally, never spread, so Electronegativity can read them (reference §3.2).
 */
export function mainWindowOptions(preloadPath: string) {
  return {
    width: 1240,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'ucbridge',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
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
      // Middle-click would otherwise open links in new windows without going through the window-open handler.
      disableBlinkFeatures: 'Auxclick',
    },
  } as const;
}

export type MainWindowOptions = ReturnType<typeof mainWindowOptions>;
