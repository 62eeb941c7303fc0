import type { Plugin } from 'vite';

export interface FirstRenderChunkOptions {
  /** The chunk's name (its file is `assets/<name>-<hash>.js`, with its CSS beside it). */
  readonly name: string;
  /** Lazily imported modules every start needs (the first step, the harness transport): in the chunk with the entry's. */
  readonly lazyRoots: readonly RegExp[];
  /** Modules kept out (the early script's, scripts/vite-early-script.ts: it must not wait for this chunk). */
  readonly exclude: readonly RegExp[];
  /**
   * Parts of that code put in scripts of their own, first match wins (the rest stays in the entry's script).
   * index.html loads them at once beside the entry (modulepreload), and Chromium compiles each script on its own
   * background thread, so the parts compile in parallel rather than one after the other.
   */
  readonly parts?: readonly FirstRenderPart[];
}

export interface FirstRenderPart {
  readonly name: string;
  readonly test: RegExp;
}

/** The bundler's chunk groups: each part (of the first render's modules only), then the rest of them. */
export function firstRenderGroups(name: string, parts: readonly FirstRenderPart[], isMember: (id: string) => boolean) {
  return [
    ...parts.map((part) => ({ name: part.name, test: (id: string) => isMember(id) && part.test.test(id) })),
    { name, test: isMember },
  ];
}

/** Whom each module imports statically, as the bundler's module graph says. */
export type ImportsOf = (id: string) => readonly string[];

/** The modules reachable by static imports from `roots`, not entering `exclude`d modules. */
export function staticClosure(roots: readonly string[], importsOf: ImportsOf, exclude: readonly RegExp[]): Set<string> {
  const found = new Set<string>();
  const stack = roots.filter((id) => !exclude.some((e) => e.test(id)));
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (found.has(id)) continue;
    found.add(id);
    for (const next of importsOf(id)) if (!found.has(next) && !exclude.some((e) => e.test(next))) stack.push(next);
  }
  return found;
}

/**
 * Puts everything the first render runs — index.html's entry and what it imports, and the lazy chunks every start
 * needs with what they import — into one JavaScript chunk (and so one stylesheet), or into that chunk and the
 * named `parts` beside it, all loaded by index.html at once. Left to itself the bundler
 * split it into eight files and five stylesheets by which later chunks share what, and the browser fetched them
 * six at a time (one host, HTTP/1.1) before anything could run (bench/renderer-size.ts). Later steps' chunks
 * import what they share with the first render from this chunk, which is loaded by then.
 *
 *   plugins: [firstRenderChunk({ name: 'first-render', lazyRoots: [/authenticate-step\.tsx$/], exclude: [/harness-link\.ts$/],
 *                                parts: [{ name: 'react', test: /node_modules\/(react|react-dom|scheduler)\// }] })]
 */
export function firstRenderChunk(options: FirstRenderChunkOptions): Plugin {
  let members = new Set<string>();
  return {
    name: 'ucbridge:first-render-chunk',
    apply: 'build',
    config: () => ({
      build: { rolldownOptions: { output: { codeSplitting: { groups: firstRenderGroups(options.name, options.parts ?? [], (id) => members.has(id)) } } } },
    }),
    buildEnd() {
      const ids = [...this.getModuleIds()];
      const roots = ids.filter((id) => {
        const info = this.getModuleInfo(id);
        return (info?.isEntry === true && id.endsWith('.html')) || options.lazyRoots.some((r) => r.test(id));
      });
      members = staticClosure(roots, (id) => this.getModuleInfo(id)?.importedIds ?? [], options.exclude);
    },
  };
}
