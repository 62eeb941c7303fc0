import type { IndexHtmlTransformContext, IndexHtmlTransformResult } from 'vite';
import { describe, expect, it } from 'vitest';
import { preloadFirstChunks } from './vite-preload-first-chunks';

type Bundle = NonNullable<IndexHtmlTransformContext['bundle']>;
const chunk = (fileName: string, imports: string[], extra: { isEntry?: boolean; facadeModuleId?: string; css?: string[] } = {}) => ({
  type: 'chunk' as const,
  fileName,
  imports,
  isEntry: extra.isEntry ?? false,
  facadeModuleId: extra.facadeModuleId ?? null,
  viteMetadata: { importedCss: new Set(extra.css ?? []), importedAssets: new Set<string>() },
});

const bundle = Object.fromEntries(
  [
    // Another entry (scripts/vite-early-script.ts emits one): not what index.html loads.
    chunk('assets/early.js', ['assets/zod.js'], { isEntry: true, facadeModuleId: '/r/src/api/harness-link.ts' }),
    chunk('assets/index.js', ['assets/react.js'], { isEntry: true, facadeModuleId: '/r/index.html' }),
    chunk('assets/react.js', []),
    chunk('assets/step1.js', ['assets/react.js', 'assets/field.js'], { facadeModuleId: '/r/src/steps/authenticate/authenticate-step.tsx', css: ['assets/step1.css'] }),
    chunk('assets/field.js', ['assets/zod.js'], { css: ['assets/field.css'] }),
    chunk('assets/zod.js', []),
    chunk('assets/step2.js', ['assets/zod.js'], { facadeModuleId: '/r/src/steps/configure-integration/configure-integration-step.tsx' }),
  ].map((c) => [c.fileName, c]),
) as unknown as Bundle;

function run(): readonly { attrs?: Record<string, unknown> }[] {
  const hook = preloadFirstChunks([/authenticate-step\.tsx$/u]).transformIndexHtml as { handler: (html: string, ctx: IndexHtmlTransformContext) => IndexHtmlTransformResult };
  return hook.handler('', { path: '/index.html', filename: 'index.html', bundle }) as readonly { attrs?: Record<string, unknown> }[];
}

describe('preloading the first chunks', () => {
  it('preloads the named lazy chunk and what it imports (not what index.html’s entry loads anyway, not other steps), with their CSS', () => {
    const links = run().map((t) => `${String(t.attrs?.rel)} ${String(t.attrs?.href)}`);
    expect(links).toEqual([
      'modulepreload ./assets/step1.js',
      'modulepreload ./assets/field.js',
      'modulepreload ./assets/zod.js',
      'stylesheet ./assets/step1.css',
      'stylesheet ./assets/field.css',
    ]);
  });
});
