import type { Plugin } from 'vite';

/** V8's explicit compile hint (Chrome 136+, so Electron 36+): compile every function of this file eagerly. */
export const ALL_FUNCTIONS_CALLED_ON_LOAD = '//# allFunctionsCalledOnLoad';

/** The part of an output chunk this plugin reads and rewrites. */
export interface HintedChunk {
  readonly type: 'chunk';
  readonly moduleIds: readonly string[];
  /** The chunks it imports statically (file names), which load and run before it. */
  readonly imports: readonly string[];
  code: string;
}

/**
 * Prefixes the compile hint to each chunk that holds a module matching `module` and to every chunk those import
 * statically (the first render's code split into parts, scripts/vite-first-render-chunk.ts); other chunks stay
 * as they are.
 */
export function addCompileHints(bundle: Record<string, HintedChunk | { readonly type: 'asset' }>, module: RegExp): string[] {
  const chunkAt = (fileName: string): HintedChunk | undefined => {
    const c = bundle[fileName];
    return c?.type === 'chunk' ? c : undefined;
  };
  const pending = Object.keys(bundle).filter((fileName) => chunkAt(fileName)?.moduleIds.some((id) => module.test(id)));
  const hinted: string[] = [];
  while (pending.length > 0) {
    const fileName = pending.shift()!;
    const chunk = chunkAt(fileName);
    if (!chunk || hinted.includes(fileName)) continue;
    if (!chunk.code.startsWith(ALL_FUNCTIONS_CALLED_ON_LOAD)) chunk.code = `${ALL_FUNCTIONS_CALLED_ON_LOAD}\n${chunk.code}`;
    hinted.push(fileName);
    pending.push(...chunk.imports);
  }
  return hinted;
}

/**
 * Marks the first render's scripts (the chunk holding `module` and the chunks it imports statically) with V8's
 * "all functions called on load" hint, so Chromium compiles all of them on background threads while they stream in. Without it V8 compiles each
 * function lazily on the main thread the first time it runs — and the first render runs most of React and the
 * first step for the first time, so that compiling sat inside module evaluation and React's first render
 * (interleaved A/B, 9 cold runs each at load 20-30: the page main thread's CPU time to the first-render mark
 * 241 -> 169 ms). Only for the chunk whose functions the first render does call; later chunks stay lazy.
 * https://v8.dev/blog/explicit-compile-hints
 *
 *   plugins: [compileHints(/src\/main\.tsx$/)]
 */
export function compileHints(module: RegExp): Plugin {
  return {
    name: 'ucbridge:compile-hints',
    apply: 'build',
    enforce: 'post',
    // After minification (which would drop the comment) and after Vite prefixes its preload helper (the hint goes
    // first, so it covers the whole file), before the files are written.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        addCompileHints(bundle as unknown as Record<string, HintedChunk | { readonly type: 'asset' }>, module);
      },
    },
  };
}
