import { defineConfig } from 'vitest/config';
// @ts-expect-error a plain ES module (Stryker loads it as is); it exports the list of folders under mutation
import { MUTATION_SCOPE } from './stryker.config.mjs';

/**
 * The tests Stryker runs (stryker.config.mjs): those next to the code under mutation. Unit tests only: the apply
 * engine's sandbox test (apply-sandbox.test.ts) starts a whole workspace with DuckDB for every mutant it covers,
 * which would make the run hours long on two cores; the apply's unit tests exercise the same code.
 */
export default defineConfig({
  test: {
    include: (MUTATION_SCOPE as string[]).map((dir) => `${dir}/*.test.ts`),
    exclude: ['**/node_modules/**', '**/*-sandbox.test.ts'],
    environment: 'node',
    setupFiles: ['test/setup-electron-mock.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
