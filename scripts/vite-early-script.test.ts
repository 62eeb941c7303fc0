import type { IndexHtmlTransformContext, ResolvedConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import { earlyScript } from './vite-early-script';

type Bundle = NonNullable<IndexHtmlTransformContext['bundle']>;
const chunk = (fileName: string, moduleIds: string[], imports: string[] = []) => ({ type: 'chunk' as const, fileName, moduleIds, imports });

const HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta
      http-equiv="Content-Security-Policy"
      content="default-src 'self'; script-src 'self'"
    />
    <title>ucbridge</title>
    <script type="module" crossorigin src="./assets/index.js"></script>
  </head>
</html>`;

function setUp() {
  const plugin = earlyScript('src/api/harness-link.ts');
  const emitted: unknown[] = [];
  (plugin.configResolved as (c: Pick<ResolvedConfig, 'root'>) => void)({ root: '/r' });
  (plugin.buildStart as (this: { emitFile: (f: unknown) => string }) => void).call({ emitFile: (f) => (emitted.push(f), 'ref') });
  const hook = plugin.transformIndexHtml as { handler: (html: string, ctx: IndexHtmlTransformContext) => string };
  const run = (html: string, chunks: ReturnType<typeof chunk>[]) =>
    hook.handler(html, { path: '/index.html', filename: 'index.html', bundle: Object.fromEntries(chunks.map((c) => [c.fileName, c])) as unknown as Bundle });
  return { emitted, run };
}

describe('the early script', () => {
  it('builds the module as an entry of its own', () => {
    expect(setUp().emitted).toEqual([{ type: 'chunk', id: '/r/src/api/harness-link.ts' }]);
  });

  it('runs the chunk that holds the module (not its re-exporting entry file) first, async, right after the CSP, with its imports preloaded', () => {
    const html = setUp().run(HTML, [
      chunk('assets/index.js', ['/r/src/main.tsx']),
      chunk('assets/harness-link-facade.js', [], ['assets/harness-link-abc.js']),
      chunk('assets/harness-link-abc.js', ['/r/shared/contract/harness-names.ts', '/r/src/api/harness-link.ts'], ['assets/tiny.js']),
    ]);
    const lines = html.split('\n').map((l) => l.trim());
    const csp = lines.findIndex((l) => l === '/>');
    expect(lines[csp + 1]).toBe('<script type="module" async fetchpriority="high" crossorigin src="./assets/harness-link-abc.js"></script>');
    expect(lines[csp + 2]).toBe('<link rel="modulepreload" fetchpriority="high" crossorigin href="./assets/tiny.js">');
    expect(lines.indexOf('<script type="module" crossorigin src="./assets/index.js"></script>')).toBeGreaterThan(csp + 2);
  });

  it('goes first in <head> when the page has no CSP meta, and leaves the page alone when the module was not built', () => {
    const { run } = setUp();
    const noCsp = '<html><head><title>t</title></head></html>';
    expect(run(noCsp, [chunk('assets/l.js', ['/r/src/api/harness-link.ts'])])).toBe(
      '<html><head>\n    <script type="module" async fetchpriority="high" crossorigin src="./assets/l.js"></script><title>t</title></head></html>',
    );
    expect(run(HTML, [chunk('assets/index.js', ['/r/src/main.tsx'])])).toBe(HTML);
  });
});
