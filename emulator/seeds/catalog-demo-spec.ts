import type { Rng, SeedValue } from './catalog-data';

/** One demo table: its columns (name, Databricks type, comment), how many rows, and how to make row `i`. */
export interface DemoTable {
  readonly name: readonly [string, string, string];
  readonly comment: string;
  readonly columns: readonly (readonly [string, string, string?])[];
  readonly rows: number;
  readonly row: (i: number, rng: Rng) => readonly SeedValue[];
  /** Column → classification tags (`pii`, `class`), set with ALTER … SET TAGS. */
  readonly columnTags?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly tableTags?: Readonly<Record<string, string>>;
}
