import { AppFailure, type AppError } from '../shared/result';

/** The contract error a promise rejects with; fails the test when it resolves or throws something else. */
export async function failureOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppFailure) return e.error;
    throw e;
  }
  throw new Error('expected a failure');
}

/** The contract error a synchronous call throws; fails the test when it returns or throws something else. */
export function refusalOf(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    if (e instanceof AppFailure) return e.error;
    throw e;
  }
  throw new Error('expected a refusal');
}
