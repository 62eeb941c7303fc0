import { it, onTestFailed, type TestContext } from 'vitest';

/**
 * Tests in one file that build on each other's state (a shared sandbox: set up, then resume, then uninstall).
 * When one fails, the ones after it fail at once saying which earlier test broke the chain, instead of failing
 * on state they never got — which would look like more, unrelated bugs.
 */
export function inSequence(): (name: string, fn: (ctx: TestContext) => Promise<void> | void, timeout?: number) => void {
  let broken: string | undefined;
  return (name, fn, timeout) =>
    it(
      name,
      async (ctx) => {
        if (broken !== undefined) throw new Error(`Not run: this test continues from "${broken}", which failed; fix that one first.`);
        onTestFailed(() => {
          broken ??= name;
        });
        await fn(ctx);
      },
      timeout,
    );
}
