import { describe, expect, it } from 'vitest';
import tokensCss from '../../../styles/tokens.css?raw';
import picturesCss from './pictures.css?raw';

/**
 * The chart's colours stay readable in both schemes: every --chart-* hue (pictures.css) has at least 3:1 contrast
 * against the surfaces it is drawn on (--bg and --surface from tokens.css), the WCAG 2.1 minimum for graphical
 * objects (SC 1.4.11, https://www.w3.org/WAI/WCAG21/Understanding/non-text-contrast.html). axe does not measure
 * SVG fills, so this test does.
 */
/** `--name: #rrggbb` pairs of the light block (before the dark media query) and of the dark one. */
function schemes(text: string): { light: Map<string, string>; dark: Map<string, string> } {
  const at = text.indexOf('@media (prefers-color-scheme: dark)');
  const vars = (part: string) => new Map([...part.matchAll(/(--[\w-]+):\s*(#[0-9a-f]{6})\b/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
  return { light: vars(text.slice(0, at)), dark: vars(text.slice(at)) };
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

const contrast = (a: string, b: string): number => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
};

describe('coverage chart colours', () => {
  const tokens = schemes(tokensCss);
  const chart = schemes(picturesCss);

  for (const scheme of ['light', 'dark'] as const) {
    it(`are at least 3:1 against the background and the surface in ${scheme}`, () => {
      const hues = [...chart[scheme].entries()].filter(([name]) => name.startsWith('--chart-'));
      expect(hues.map(([n]) => n).sort()).toEqual(['--chart-filters', '--chart-gap', '--chart-grants', '--chart-masks', '--chart-registration']);
      for (const surface of ['--bg', '--surface']) {
        const behind = tokens[scheme].get(surface)!;
        for (const [name, hue] of hues) expect(contrast(hue, behind), `${name} on ${surface} (${scheme})`).toBeGreaterThanOrEqual(3);
      }
    });
  }

  it('measures contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
