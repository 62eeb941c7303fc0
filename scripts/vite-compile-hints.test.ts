import { describe, expect, it } from 'vitest';
import { ALL_FUNCTIONS_CALLED_ON_LOAD, addCompileHints, type HintedChunk } from './vite-compile-hints';

const chunk = (moduleIds: string[], code: string, imports: string[] = []): HintedChunk => ({ type: 'chunk', moduleIds, imports, code });

describe('compile hints', () => {
  it('puts V8’s eager-compile hint first in the chunk holding the entry, and nowhere else', () => {
    const bundle = {
      'assets/index-abc.js': chunk(['/r/src/main.tsx', '/nm/react.js'], 'const __vite__mapDeps=1;import"x";'),
      'assets/configure-step-def.js': chunk(['/r/src/steps/configure/configure-step.tsx'], 'export const a=1;'),
      'assets/index-abc.css': { type: 'asset' as const },
    };
    expect(addCompileHints(bundle, /src\/main\.tsx$/u)).toEqual(['assets/index-abc.js']);
    expect(bundle['assets/index-abc.js'].code).toBe(`${ALL_FUNCTIONS_CALLED_ON_LOAD}\nconst __vite__mapDeps=1;import"x";`);
    expect(bundle['assets/configure-step-def.js'].code).toBe('export const a=1;');
  });

  it('also hints the chunks the entry’s chunk imports statically (the first render’s other scripts), not lazy ones', () => {
    const bundle = {
      'assets/index-abc.js': chunk(['/r/src/main.tsx'], 'import"./react-r.js";import"./libraries-l.js";', ['assets/react-r.js', 'assets/libraries-l.js']),
      'assets/react-r.js': chunk(['/nm/react-dom.js'], 'export const r=1;', ['assets/runtime-x.js']),
      'assets/libraries-l.js': chunk(['/nm/zod.js'], 'export const l=1;', ['assets/runtime-x.js']),
      'assets/runtime-x.js': chunk(['\0rolldown/runtime.js'], 'export const x=1;'),
      'assets/configure-step-def.js': chunk(['/r/src/steps/configure/configure-step.tsx'], 'export const a=1;', ['assets/react-r.js']),
    };
    expect(addCompileHints(bundle, /src\/main\.tsx$/u).sort()).toEqual(['assets/index-abc.js', 'assets/libraries-l.js', 'assets/react-r.js', 'assets/runtime-x.js']);
    expect(bundle['assets/react-r.js'].code).toBe(`${ALL_FUNCTIONS_CALLED_ON_LOAD}\nexport const r=1;`);
    expect(bundle['assets/runtime-x.js'].code).toBe(`${ALL_FUNCTIONS_CALLED_ON_LOAD}\nexport const x=1;`);
    expect(bundle['assets/configure-step-def.js'].code).toBe('export const a=1;');
  });

  it('adds it once, however often the bundle is written', () => {
    const bundle = { 'a.js': chunk(['/r/src/main.tsx'], 'x()') };
    addCompileHints(bundle, /src\/main\.tsx$/u);
    addCompileHints(bundle, /src\/main\.tsx$/u);
    expect(bundle['a.js'].code).toBe(`${ALL_FUNCTIONS_CALLED_ON_LOAD}\nx()`);
  });

  it('is the comment V8 reads (https://v8.dev/blog/explicit-compile-hints)', () => {
    expect(ALL_FUNCTIONS_CALLED_ON_LOAD).toBe('//# allFunctionsCalledOnLoad');
  });
});
