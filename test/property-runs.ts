import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set by vitest.mutation.config.ts only: the most fast-check runs a property makes under mutation testing. */
    propertyRunsCap?: number;
  }
}

/**
 * How many runs a fast-check property makes: `runs` in `npm test`; at most the mutation config's cap under Stryker,
 * where a property covering the planner reran its 300 cases for each of hundreds of mutants (11 s each on two
 * loaded cores). The few runs left still exercise every branch the example tests pin down.
 */
export const propertyRuns = (runs: number): number => Math.min(runs, inject('propertyRunsCap') ?? runs);
