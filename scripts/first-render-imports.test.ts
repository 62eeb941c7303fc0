import { build } from 'esbuild';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = resolve(__dirname, '..');
/** What the first render runs: the entry, step 1 and the harness transport (vite.config.ts groups them in one chunk). */
const ROOTS = ['renderer/src/main.tsx', 'renderer/src/steps/authenticate/authenticate-step.tsx', 'renderer/src/api/harness-api.ts'];

/** Every module the roots import statically (dynamic imports are later chunks), as esbuild resolves them. */
async function firstRenderModules(): Promise<string[]> {
  const { metafile } = await build({
    entryPoints: ROOTS.map((r) => resolve(repo, r)),
    absWorkingDir: repo,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    outdir: 'out/first-render-imports',
    metafile: true,
    loader: { '.css': 'empty', '.svg': 'empty' },
    logLevel: 'silent',
  });
  const seen = new Set<string>();
  const walk = (path: string): void => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const edge of metafile.inputs[path]?.imports ?? []) if (edge.kind === 'import-statement') walk(edge.path);
  };
  ROOTS.forEach(walk);
  return [...seen];
}

describe('the first render’s code', () => {
  it('carries zod/mini, not classic zod (about 60 KB minified it does not need before the first screen)', async () => {
    const modules = await firstRenderModules();
    expect(modules.some((m) => m.includes('renderer/src/api/harness-socket.ts'))).toBe(true);
    expect(modules.some((m) => m.includes('node_modules/zod/v4/mini/'))).toBe(true);
    expect(modules.filter((m) => m.includes('node_modules/zod/v4/classic/'))).toEqual([]);
  });
});
