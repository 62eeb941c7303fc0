import type { Plugin } from 'vite';

/** V8's explicit compile hint (Chrome 136+, so Electron 36+): compile every function of this file eagerly. */
export const ALL_FUNCTIONS_CALLED_ON_LOAD = '//# allFunctionsCalledOnLoad';

/** The part of an output chunk this plugin reads and rewrites. */
export interface HintedChunk {
  readonly type: 'chunk';
  readonly moduleIds: readonly string[];
  code: string;
}

/** Prefixes the compile hint to each chunk that holds a module matching `module`; other chunks stay as they are. */
export function addCompileHints(bundle: Record<string, HintedChunk | { readonly type: 'asset' }>, module: RegExp): string[] {
  const hinted: string[] = [];
  for (const [fileName, chunk] of Object.entries(bundle)) {
    if (chunk.type !== 'chunk' || !chunk.moduleIds.some((id) => module.test(id))) continue;
    if (!chunk.code.startsWith(ALL_FUNCTIONS_CALLED_ON_LOAD)) chunk.code = `${ALL_FUNCTIONS_CALLED_ON_LOAD}\n${chunk.code}`;
    hinted.push(fileName);
  }
  return hinted;
}

/**
 * Marks the first render's script (the chunk holding `module`) with V8's "all functions called on load" hint, so
 * Chromium compiles all of it on a background thread while the file streams in. Without it V8 compiles each
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
