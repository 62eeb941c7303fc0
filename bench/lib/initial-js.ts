import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface InitialJs {
  readonly files: readonly string[];
  readonly rawBytes: number;
  readonly gzipBytes: number;
}

const attributes = (tag: string): Record<string, string> =>
  Object.fromEntries([...tag.matchAll(/([\w-]+)\s*=\s*"([^"]*)"/g)].map((m) => [m[1]!.toLowerCase(), m[2]!]));

/**
 * The JavaScript a built index.html loads before any lazy chunk: its module scripts and its modulepreloads (Vite
 * lists every static import of the entry there). Lazy chunks (React.lazy steps, the harness transport) are not
 * referenced from index.html, so they are not counted. Sizes are gzip level 9 of each file.
 */
export function measureInitialJs(outDir: string): InitialJs {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const files = new Set<string>();
  for (const [tag] of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
    const a = attributes(tag);
    if (tag.toLowerCase().startsWith('<script') && a.type === 'module' && a.src) files.add(a.src);
    if (tag.toLowerCase().startsWith('<link') && a.rel === 'modulepreload' && a.href) files.add(a.href);
  }
  if (files.size === 0) throw new Error(`${outDir}/index.html loads no module script`);
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const body = readFileSync(join(outDir, file.replace(/^\.?\//, '')));
    rawBytes += body.length;
    gzipBytes += gzipSync(body, { level: 9 }).length;
  }
  return { files: [...files], rawBytes, gzipBytes };
}

/** Strings only each heavy library's code carries (class names, an option value), as they survive minification. */
const HEAVY_LIBRARIES: Readonly<Record<string, string>> = {
  'React Flow': 'react-flow__',
  Recharts: 'recharts-wrapper',
  dagre: 'network-simplex',
};

/** Which heavy libraries (step 4's pictures) the initial JavaScript carries: none, they belong to step 4's chunk. */
export function heavyLibrariesIn(outDir: string, files: readonly string[]): string[] {
  const text = files.map((file) => readFileSync(join(outDir, file.replace(/^\.?\//, '')), 'utf8')).join('\n');
  return Object.entries(HEAVY_LIBRARIES)
    .filter(([, marker]) => text.includes(marker))
    .map(([name]) => name);
}
