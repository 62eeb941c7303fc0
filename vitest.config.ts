import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,electron,emulator,renderer,scripts,bench}/**/*.test.{ts,tsx}'],
    environment: 'node',
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
