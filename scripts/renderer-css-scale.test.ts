import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * One spacing and type scale (renderer/src/styles/tokens.css: --space-*, --text-*): the shell, the shared UI parts and step 1 take every
 * margin, padding, gap and font size from it. Allowed besides: 0, auto, hairlines of 1–2 px, and em or % (sizes
 * relative to the text they sit in). The other steps' folders join this list as they move onto the scale.
 */
const ON_THE_SCALE = ['styles', 'shell', 'ui', 'errors', 'progress', 'session', 'notices', 'steps/authenticate'];
const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer', 'src');

const cssFiles = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.css'))
    .map((e) => join(e.parentPath, e.name));

const DECLARATION = /(?:^|[;{\s])((?:margin|padding)(?:-[a-z]+)?|gap|row-gap|column-gap|font-size)\s*:\s*([^;}]+)/g;
/** A length not from the scale: px or rem above 2 px (var(), calc(-1 * var()), em and % pass). */
const OFF_SCALE = /(?<![\w-])(\d+(?:\.\d+)?)(px|rem)\b/g;

describe('the spacing and type scale', () => {
  it('is where every margin, padding, gap and font size of the shell, the UI parts and step 1 comes from', () => {
    const offenders: string[] = [];
    for (const file of ON_THE_SCALE.flatMap(cssFiles)) {
      const css = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
      for (const [, property, value] of css.matchAll(DECLARATION)) {
        for (const [length, n, unit] of value!.matchAll(OFF_SCALE)) {
          if (unit === 'px' && Number(n) <= 2 && property !== 'font-size') continue;
          offenders.push(`${relative(root, file)}: ${property}: ${value!.trim()} (${length})`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
