import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * One spacing and type scale (renderer/src/styles/tokens.css: --space-*, --text-*): every renderer stylesheet — the
 * shell, the shared UI parts and all four steps — takes each margin, padding, gap and font size from it. The only
 * exceptions, each with its reason:
 *   - 0 and auto (no length at all);
 *   - hairlines of 1–2 px in margins and paddings (a border's width, a focus ring's offset: not spacing);
 *   - em and % (sizes relative to the text or box they sit in, e.g. `0.93em` for a note inside a paragraph);
 *   - var() fallbacks are not allowed: a fallback is a second, unchecked value (tokens.css always loads first).
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer', 'src');

const cssFiles = (): string[] =>
  readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.css'))
    .map((e) => join(e.parentPath, e.name));

const DECLARATION = /(?:^|[;{\s])((?:margin|padding)(?:-[a-z]+)?|gap|row-gap|column-gap|font-size)\s*:\s*([^;}]+)/g;
/** A length not from the scale: px or rem above 2 px (var(), calc(-1 * var()), em and % pass). */
const OFF_SCALE = /(?<![\w-])(\d+(?:\.\d+)?)(px|rem)\b/g;
const FALLBACK = /var\(--[\w-]+\s*,/;

/** Every declaration of `css` that is off the scale, as "property: value (the length)". */
function offScale(css: string): string[] {
  const offenders: string[] = [];
  for (const [, property, value] of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(DECLARATION)) {
    if (FALLBACK.test(value!)) offenders.push(`${property}: ${value!.trim()} (a var() fallback)`);
    for (const [length, n, unit] of value!.matchAll(OFF_SCALE)) {
      if (unit === 'px' && Number(n) <= 2 && property !== 'font-size') continue;
      offenders.push(`${property}: ${value!.trim()} (${length})`);
    }
  }
  return offenders;
}

describe('the spacing and type scale', () => {
  it('is where every margin, padding, gap and font size of every renderer stylesheet comes from', () => {
    const files = cssFiles();
    // Every folder with styles is read, the steps' too (a wrong root would pass on no files).
    for (const folder of ['styles', 'shell', 'ui', 'steps/authenticate', 'steps/configure-integration', 'steps/map-users-policies', 'steps/register-metadata']) {
      expect(files.some((f) => relative(root, f).startsWith(folder)), folder).toBe(true);
    }
    const offenders = files.flatMap((file) => offScale(readFileSync(file, 'utf8')).map((o) => `${relative(root, file)}: ${o}`));
    expect(offenders).toEqual([]);
  });

  it('tells a raw length from the scale and from the allowed exceptions', () => {
    expect(offScale('.a { padding: 8px 10px; font-size: 14px; }')).toEqual(['padding: 8px 10px (8px)', 'padding: 8px 10px (10px)', 'font-size: 14px (14px)']);
    expect(offScale('.a { gap: var(--space-3, 12px); }')).toEqual(['gap: var(--space-3, 12px) (a var() fallback)', 'gap: var(--space-3, 12px) (12px)']);
    expect(offScale('.a { margin: 0 auto -1px; padding: 2px var(--space-2); font-size: 0.93em; gap: calc(-1 * var(--space-1)); } /* padding: 9px */')).toEqual([]);
    expect(offScale('.a { font-size: 0.8rem; border: 3px solid; }')).toEqual(['font-size: 0.8rem (0.8rem)']);
  });
});
