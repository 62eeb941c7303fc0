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
  it('carries no zod at all (its core is about 70 KB minified): the socket’s messages and replies’ errors are read by zod-free readers', async () => {
    const modules = await firstRenderModules();
    for (const used of ['renderer/src/api/harness-socket.ts', 'shared/contract/harness-server-message.ts', 'shared/contract/reply.ts', 'shared/app-error-reader.ts']) {
      expect(modules.some((m) => m.includes(used)), used).toBe(true);
    }
    // The schemas those readers are held equal to (their tests) stay the contract; only the first render skips them.
    expect(modules.filter((m) => m.includes('node_modules/zod/') || m.endsWith('shared/app-error.ts') || m.endsWith('shared/contract/harness-protocol.ts'))).toEqual([]);
  });

  it('leaves the toasts’ and the header dialog’s Radix code (Toast, Dialog, AlertDialog) and Tabs to later chunks', async () => {
    const modules = await firstRenderModules();
    expect(modules.some((m) => m.includes('renderer/src/shell/header/session-actions.tsx'))).toBe(true);
    // Each primitive from its own entry (radix-ui/toast, …): the radix-ui index re-exports all of them, and the
    // first-render chunk (scripts/vite-first-render-chunk.ts) takes every module its static imports reach.
    expect(modules.filter((m) => m.endsWith('node_modules/radix-ui/dist/index.mjs'))).toEqual([]);
    const later = ['@radix-ui/react-toast/', '@radix-ui/react-dialog/', '@radix-ui/react-alert-dialog/', '@radix-ui/react-tabs/', 'renderer/src/ui/toast.tsx', 'renderer/src/shell/header/disconnect-dialog.tsx'];
    expect(modules.filter((m) => later.some((l) => m.includes(l)))).toEqual([]);
  });

  it('leaves Radix Popover (combobox, "Why memory only?") and Accordion, with the scroll lock and Collection they bring, to later chunks', async () => {
    const modules = await firstRenderModules();
    // Step 1 renders Field and Disclosure, and the header the secret-storage fact: present, yet none brings these.
    for (const used of ['renderer/src/ui/field.tsx', 'renderer/src/ui/disclosure.tsx', 'renderer/src/shell/header/secret-storage-fact.tsx']) {
      expect(modules.some((m) => m.includes(used)), used).toBe(true);
    }
    const later = [
      '@radix-ui/react-popover/',
      'react-remove-scroll',
      '@radix-ui/react-accordion/',
      '@radix-ui/react-collection/',
      'renderer/src/ui/combobox.tsx',
      'renderer/src/ui/popover.tsx',
      'renderer/src/ui/accordion.tsx',
    ];
    expect(modules.filter((m) => later.some((l) => m.includes(l)))).toEqual([]);
  });
});
