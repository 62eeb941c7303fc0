import { mkdtemp, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';

/**
 * The crawl benchmark measures its parts from a bundle of bench/crawl-part.ts (bench/crawl.ts): it must hold the
 * app's crawl code, and neither the sandbox nor test helpers, whose memory the crawl's peak would then count; its
 * only outside imports are Node's and the production dependencies, as the CLI's bundle.
 */
it('bundles the crawl part with the app crawl code and without the sandbox', async () => {
  const root = resolve(__dirname, '..', '..');
  const dir = await mkdtemp(join(tmpdir(), 'crawl-bundle-'));
  try {
    // @ts-expect-error: a plain ESM script without type declarations.
    const { buildCli } = (await import('../../scripts/build-cli.mjs')) as {
      buildCli: (outfile: string, entry: string) => Promise<{ metafile: { inputs: Record<string, { imports: { path: string; external?: boolean }[] }> } }>;
    };
    const { metafile } = await buildCli(join(dir, 'crawl-part.cjs'), join(root, 'bench', 'crawl-part.ts'));
    const inputs = Object.keys(metafile.inputs);
    expect(inputs).toContain('electron/services/metadata/crawl/run-crawl.ts');
    expect(inputs).toContain('electron/services/metadata/index/snapshot-writer.ts');
    expect(inputs.filter((p) => p.startsWith('emulator/') || p.includes('test-support') || p.includes('node_modules/tsx'))).toEqual([]);
    const externals = new Set(Object.values(metafile.inputs).flatMap((i) => i.imports.filter((x) => x.external).map((x) => x.path)));
    const allowed = (p: string) => p.startsWith('node:') || builtinModules.includes(p) || p.startsWith('@duckdb/node-api') || p.startsWith('@databricks/sql');
    expect([...externals].filter((p) => !allowed(p))).toEqual([]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
