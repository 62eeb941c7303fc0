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
    // Stryker switches mutants inside the loaded code (mutant schemata), so the modules can stay loaded from one
    // test file and one mutant to the next: with isolation, every mutant re-imported zod and the code under test for
    // each of its test files (1.3 s a file on two loaded cores, 3x the whole run of shared/integration's tests).
    isolate: false,
    setupFiles: ['test/setup-electron-mock.ts'],
    // Instrumented code with per-test coverage on a loaded 2-core machine: a fast-check property over the planner ran
    // past 30 s in Stryker's initial run and failed it. A mutant that loops still ends at Stryker's own timeout.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // Each mutant a property covers reruns it (test/property-runs.ts): the planner's quoting property took 11 s of
    // its 300 cases per mutant, most of the shared/integration run; 25 cases take about 1 s.
    provide: { propertyRunsCap: 25 },
  },
});
