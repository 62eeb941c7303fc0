import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { firstRenderChunk, firstRenderGroups, staticClosure } from './vite-first-render-chunk';

/** index.html → main → app → react; main ⇢ step1 (lazy) → field; main ⇢ step2 (lazy) → chart; main ⇢ link (early). */
const GRAPH: Readonly<Record<string, readonly string[]>> = {
  '/r/index.html': ['/r/src/main.tsx'],
  '/r/src/main.tsx': ['/r/src/app.tsx'],
  '/r/src/app.tsx': ['/nm/react.js'],
  '/nm/react.js': [],
  '/r/src/steps/authenticate/authenticate-step.tsx': ['/r/src/ui/field.tsx', '/nm/react.js'],
  '/r/src/ui/field.tsx': [],
  '/r/src/api/harness-api.ts': ['/r/src/api/harness-socket.ts'],
  '/r/src/api/harness-socket.ts': ['/nm/zod.js'],
  '/nm/zod.js': [],
  '/r/src/steps/configure/configure-step.tsx': ['/nm/chart.js', '/nm/react.js'],
  '/nm/chart.js': [],
  '/r/src/api/harness-link.ts': ['/r/shared/harness-names.ts'],
  '/r/shared/harness-names.ts': [],
};
const importsOf = (id: string) => GRAPH[id] ?? [];

describe('the first render’s chunk', () => {
  it('holds what index.html’s entry and the named lazy modules import statically, not later steps or excluded modules', () => {
    const plugin = firstRenderChunk({
      name: 'first-render',
      lazyRoots: [/authenticate-step\.tsx$/u, /harness-api\.ts$/u],
      exclude: [/harness-link\.ts$/u],
    });
    const ctx = {
      getModuleIds: () => Object.keys(GRAPH)[Symbol.iterator](),
      getModuleInfo: (id: string) => ({ isEntry: id.endsWith('.html') || id.endsWith('harness-link.ts'), importedIds: [...importsOf(id)] }),
    };
    (plugin.buildEnd as (this: typeof ctx) => void).call(ctx);
    const config = (plugin.config as () => { build: { rolldownOptions: { output: { codeSplitting: { groups: { name: string; test: (id: string) => boolean }[] } } } } })();
    const [group] = config.build.rolldownOptions.output.codeSplitting.groups;
    expect(group!.name).toBe('first-render');
    expect(Object.keys(GRAPH).filter((id) => group!.test(id))).toEqual([
      '/r/index.html',
      '/r/src/main.tsx',
      '/r/src/app.tsx',
      '/nm/react.js',
      '/r/src/steps/authenticate/authenticate-step.tsx',
      '/r/src/ui/field.tsx',
      '/r/src/api/harness-api.ts',
      '/r/src/api/harness-socket.ts',
      '/nm/zod.js',
    ]);
  });

  it('puts each named part of the first render’s code in a script of its own, first match first, the rest in the entry’s', () => {
    const members = new Set(['/r/src/main.tsx', '/nm/react.js', '/nm/react-dom.js', '/nm/zod.js']);
    const groups = firstRenderGroups(
      'first-render',
      [
        { name: 'react', test: /\/nm\/react(-dom)?\.js$/u },
        { name: 'libraries', test: /\/nm\//u },
      ],
      (id) => members.has(id),
    );
    expect(groups.map((g) => g.name)).toEqual(['react', 'libraries', 'first-render']);
    const [react, libraries, rest] = groups;
    expect([...members].filter((id) => react!.test(id))).toEqual(['/nm/react.js', '/nm/react-dom.js']);
    // A part holds only first-render modules: a later step's library stays with that step.
    expect(libraries!.test('/nm/chart.js')).toBe(false);
    expect([...members].filter((id) => libraries!.test(id) && !react!.test(id))).toEqual(['/nm/zod.js']);
    expect(rest!.test('/r/src/main.tsx')).toBe(true);
    expect(rest!.test('/nm/chart.js')).toBe(false);
  });

  it('does not walk into an excluded module, nor past it', () => {
    expect([...staticClosure(['/r/src/api/harness-link.ts'], importsOf, [/harness-link\.ts$/u])]).toEqual([]);
    expect([...staticClosure(['/r/src/main.tsx', '/r/src/api/harness-link.ts'], importsOf, [/harness-names\.ts$/u])].sort()).toEqual(
      ['/nm/react.js', '/r/src/api/harness-link.ts', '/r/src/app.tsx', '/r/src/main.tsx'].sort(),
    );
  });

  it('is a build-only plugin', () => {
    expect((firstRenderChunk({ name: 'x', lazyRoots: [], exclude: [] }) as Plugin).apply).toBe('build');
  });
});
