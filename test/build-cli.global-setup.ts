/**
 * Vitest global set-up: builds the CLI bundle (out/cli/ucbridge.cjs) from the sources before any test runs, so the
 * CLI tests, which spawn bin/ucbridge.cjs as users run it, never test a stale bundle. esbuild takes about a second.
 */
export default async function setup(): Promise<void> {
  // @ts-expect-error: a plain ESM script without type declarations.
  const { buildCli } = (await import('../scripts/build-cli.mjs')) as { buildCli: () => Promise<unknown> };
  await buildCli();
}
