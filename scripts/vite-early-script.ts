import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Has index.html run the chunk that holds `entry` first, as `<script type="module" async fetchpriority="high">` right
 * after the CSP: it runs as soon as it has downloaded, while the app's own files still download, and never waits for
 * them. The app imports the same module (the same file, so the same instance) to pick up what it started. The entry
 * is emitted as an entry so it is built even where the app imports it only lazily; when the app imports it too, the
 * bundler puts it in a chunk shared by both (the entry's own file is then a re-export, not loaded). What that chunk
 * imports is preloaded at the same priority; keep the entry's imports tiny.
 *
 *   plugins: [earlyScript('src/api/harness-link.ts')]   // relative to Vite's root
 */
export function earlyScript(entry: string): Plugin {
  let entryPath = '';
  return {
    name: 'ucbridge:early-script',
    apply: 'build',
    configResolved(config) {
      entryPath = resolve(config.root, entry);
    },
    buildStart() {
      this.emitFile({ type: 'chunk', id: entryPath });
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.moduleIds.includes(entryPath));
        if (chunk?.type !== 'chunk') return html;
        const tag = [
          `<script type="module" async fetchpriority="high" crossorigin src="./${chunk.fileName}"></script>`,
          ...chunk.imports.map((f) => `<link rel="modulepreload" fetchpriority="high" crossorigin href="./${f}">`),
        ].join('\n    ');
        // After the CSP meta, so the page's own policy (the fallback for the header's) covers it too.
        const csp = /<meta\s+http-equiv="Content-Security-Policy"[^>]*>/iu.exec(html);
        if (!csp) return html.replace(/<head[^>]*>/iu, (head) => `${head}\n    ${tag}`);
        const at = csp.index + csp[0].length;
        return `${html.slice(0, at)}\n    ${tag}${html.slice(at)}`;
      },
    },
  };
}
