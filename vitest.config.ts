import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,electron,emulator,renderer,scripts,bench}/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Stylesheets are empty strings in tests unless listed: the chart-colour contrast test reads these two (`?raw`).
    css: { include: [/renderer\/src\/styles\/tokens\.css/, /register-metadata\/pictures\/pictures\.css/] },
    setupFiles: ['test/setup-electron-mock.ts'],
    // Builds the CLI bundle once, so tests that spawn bin/ucbridge.cjs run the sources as they are now.
    globalSetup: ['test/build-cli.global-setup.ts'],
    // Integration tests start real servers (the sandbox, loopback listeners, Chromium); 2 cores.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
