import type { BenchResult, Target } from './report';

export interface Row {
  readonly bench: string;
  readonly figure: string;
  readonly value: string;
  readonly target: string;
  readonly ratio: string;
  readonly verdict: string;
}

const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(Math.abs(n) >= 100 ? 1 : 2));

/** value / target, and whether the target is met (≤ for max, ≥ for min). */
export function judge(value: number, target: Target): { ratio: number; met: boolean } {
  if ('max' in target) return { ratio: value / target.max, met: value <= target.max };
  return { ratio: value / target.min, met: value >= target.min };
}

/** One row per numeric figure; figures with a target also get their ratio and verdict. */
export function rowsOf(result: BenchResult): Row[] {
  const rows: Row[] = [];
  for (const [figure, value] of Object.entries(result)) {
    if (figure === 'bench' || figure === 'targets' || typeof value !== 'number') continue;
    const target = result.targets?.[figure];
    const judged = target ? judge(value, target) : undefined;
    rows.push({
      bench: result.bench,
      figure,
      value: fmt(value),
      target: target ? ('max' in target ? `≤ ${fmt(target.max)}` : `≥ ${fmt(target.min)}`) : '',
      ratio: judged ? judged.ratio.toFixed(2) : '',
      verdict: judged ? (judged.met ? 'ok' : 'MISSED') : '',
    });
  }
  return rows;
}

/** A plain fixed-width table. */
export function formatTable(rows: readonly Row[]): string {
  const header: Row = { bench: 'benchmark', figure: 'figure', value: 'value', target: 'target', ratio: 'ratio', verdict: '' };
  const all = [header, ...rows];
  const keys = Object.keys(header) as (keyof Row)[];
  const width = (k: keyof Row) => Math.max(...all.map((r) => r[k].length));
  return all.map((r) => keys.map((k) => r[k].padEnd(width(k))).join('  ').trimEnd()).join('\n');
}
