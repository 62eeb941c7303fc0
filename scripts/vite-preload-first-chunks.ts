import type { Plugin } from 'vite';

/**
 * Adds `<link rel="modulepreload">` to the built index.html for the lazy chunks every start needs — the first step's
 * and the browser harness's transport — and the chunks they import. Without it the browser fetches them only once
 * the entry has run and asked for them, then their imports one level later: two round trips on the way to the
 * first render (bench/renderer-size.ts). Preloading fetches and compiles; nothing runs before the entry asks. Their
 * stylesheets are linked too (Vite's loader waits for a lazy chunk's CSS, and skips a stylesheet already linked).
 *
 *   plugins: [preloadFirstChunks([/steps\/authenticate\/authenticate-step\.tsx$/, /api\/harness-api\.ts$/])]
 */
export function preloadFirstChunks(entries: readonly RegExp[]): Plugin {
  return {
    name: 'ucbridge:preload-first-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return [];
        const files = new Set<string>();
        const add = (fileName: string): void => {
          const chunk = bundle[fileName];
          if (!chunk || chunk.type !== 'chunk' || files.has(fileName)) return;
          files.add(fileName);
          chunk.imports.forEach(add);
        };
        for (const chunk of Object.values(bundle)) {
          if (chunk.type === 'chunk' && chunk.facadeModuleId && entries.some((e) => e.test(chunk.facadeModuleId!))) add(chunk.fileName);
        }
        // index.html's entry and what it imports statically are loaded by the page already (other entries are not).
        const entry = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry && c.facadeModuleId?.endsWith('.html'));
        const loaded = new Set<string>();
        const mark = (fileName: string): void => {
          const chunk = bundle[fileName];
          if (!chunk || chunk.type !== 'chunk' || loaded.has(fileName)) return;
          loaded.add(fileName);
          chunk.imports.forEach(mark);
        };
        if (entry) mark(entry.fileName);
        const preload = [...files].filter((f) => !loaded.has(f));
        const css = new Set(preload.flatMap((f) => {
          const chunk = bundle[f];
          return chunk?.type === 'chunk' ? [...(chunk.viteMetadata?.importedCss ?? [])] : [];
        }));
        return [
          ...preload.map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${f}` }, injectTo: 'head' as const })),
          ...[...css].map((f) => ({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: `./${f}` }, injectTo: 'head' as const })),
        ];
      },
    },
  };
}
