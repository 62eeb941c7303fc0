import { vi } from 'vitest';

/**
 * `require('electron')` outside the Electron binary starts a download and throws (reference §0 F2). Any test that
 * imports it by accident fails here, at once and with a clear message. Tests of `electron/platform/` and
 * `electron/preload/` declare their own `vi.mock('electron', …)`, which takes precedence.
 */
vi.mock('electron', () => {
  throw new Error(
    'electron was imported by code under test. Only electron/platform and electron/preload may import it; ' +
      'test them with their own vi.mock("electron", …), and test everything else through its ports.',
  );
});
