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
    // Integration tests start real servers (the sandbox, loopback listeners, Chromium) on 2 cores. The limits catch
    // hangs, not slowness: at load 20 (a clean-clone run beside mutation testing and builds) a sandbox start took
    // 20 s and a sandbox test 30 s+, and the old 30 s / 60 s limits failed ~20 tests that pass on a quiet machine.
    testTimeout: 120_000,
    hookTimeout: 240_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
