/** A target for one figure: `max` (at most) or `min` (at least). */
export type Target = { readonly max: number } | { readonly min: number };

/** What every benchmark prints as its last line: `{"bench":NAME, ...figures, "targets":{figure:Target}}`. */
export interface BenchResult {
  readonly bench: string;
  readonly targets?: Readonly<Record<string, Target>>;
  readonly [figure: string]: unknown;
}

/** Prints the result as the process's last stdout line (the contract with bench/run.ts). */
export function report(result: BenchResult): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;
