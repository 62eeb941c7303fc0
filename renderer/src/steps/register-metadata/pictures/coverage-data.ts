import type { CoverageMeasure, CoverageRow, SensitiveTag } from '../../../../../shared/metadata/index-views';

export type MeasureId = 'registration' | 'grants' | 'filters' | 'masks';

/** One bar per catalog (or schema): how much of a base is covered, as two segments, covered and not. */
export interface CoverageMeasureSpec {
  readonly id: MeasureId;
  /** The bar's name in the legend and the table header. */
  readonly title: string;
  /** What the counted things are: "tables" or "columns". */
  readonly unit: 'tables' | 'columns';
  /** The coverageObjects measure behind each segment. */
  readonly covered: CoverageMeasure;
  readonly uncovered: CoverageMeasure;
  /** Words for a segment's objects: "registered tables", "registered tables without a grant", … */
  readonly coveredWords: string;
  readonly uncoveredWords: string;
  readonly base: (r: CoverageRow) => number;
  readonly done: (r: CoverageRow) => number;
}

/** The four pictures of issue 13 §6: registration, then among registered tables grants, row filters and masks. */
export const MEASURES: readonly CoverageMeasureSpec[] = [
  { id: 'registration', title: 'Registered', unit: 'tables', covered: 'registered', uncovered: 'unregistered', coveredWords: 'registered tables', uncoveredWords: 'tables not registered', base: (r) => r.tables, done: (r) => r.registered },
  { id: 'grants', title: 'With a grant', unit: 'tables', covered: 'granted', uncovered: 'ungranted', coveredWords: 'registered tables with a grant', uncoveredWords: 'registered tables without a grant', base: (r) => r.registered, done: (r) => r.granted },
  { id: 'filters', title: 'With a row filter', unit: 'tables', covered: 'filtered', uncovered: 'unfiltered', coveredWords: 'registered tables with a row filter', uncoveredWords: 'registered tables without a row filter', base: (r) => r.registered, done: (r) => r.filtered },
  { id: 'masks', title: 'Sensitive columns masked', unit: 'columns', covered: 'masked-sensitive', uncovered: 'unmasked-sensitive', coveredWords: 'sensitive columns under a mask', uncoveredWords: 'sensitive columns without a mask', base: (r) => r.sensitiveColumns, done: (r) => r.maskedSensitiveColumns },
];

export interface Segment {
  readonly count: number;
  /** Share of the bar's base, 0–100 (0 when the base is empty). */
  readonly percent: number;
}

export interface ChartRow {
  readonly name: string;
  readonly row: CoverageRow;
  readonly covered: Readonly<Record<MeasureId, Segment>>;
  readonly uncovered: Readonly<Record<MeasureId, Segment>>;
}

const pct = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

/**
 * Coverage rows as chart rows. Bars are shares of their own base (registered of all tables; grants and filters of
 * registered tables; masked of sensitive columns) so tables and columns can sit on one axis; the counts travel along
 * for the tooltip, the table and the drill-down.
 */
export function toChartRows(rows: readonly CoverageRow[]): readonly ChartRow[] {
  return rows.map((row) => {
    const covered = {} as Record<MeasureId, Segment>;
    const uncovered = {} as Record<MeasureId, Segment>;
    for (const m of MEASURES) {
      const base = m.base(row);
      const done = Math.min(m.done(row), base);
      covered[m.id] = { count: done, percent: pct(done, base) };
      // The two segments add up to exactly 100 (or both 0) whatever the rounding.
      uncovered[m.id] = { count: base - done, percent: base === 0 ? 0 : Math.round((100 - covered[m.id].percent) * 10) / 10 };
    }
    return { name: row.name, row, covered, uncovered };
  });
}

export const measureSpec = (id: MeasureId): CoverageMeasureSpec => MEASURES.find((m) => m.id === id)!;

/** What a drill-down shows: the objects of one segment of one bar. */
export interface DrillTarget {
  readonly catalog: string;
  readonly schema?: string;
  readonly measure: MeasureId;
  readonly part: 'covered' | 'uncovered';
}

/** The bar's name is a catalog at the top level and a schema once inside a catalog. */
export function drillTarget(level: { readonly catalog?: string }, name: string, measure: MeasureId, part: 'covered' | 'uncovered'): DrillTarget {
  return level.catalog === undefined ? { catalog: name, measure, part } : { catalog: level.catalog, schema: name, measure, part };
}

/** The coverageObjects input for a drill target. */
export function objectsQuery(t: DrillTarget, offset: number, limit: number): { catalog: string; schema?: string; measure: CoverageMeasure; offset: number; limit: number } {
  const m = measureSpec(t.measure);
  return { catalog: t.catalog, ...(t.schema === undefined ? {} : { schema: t.schema }), measure: t.part === 'covered' ? m.covered : m.uncovered, offset, limit };
}

/** "Registered tables without a grant in main.sales". */
export function drillTitle(t: DrillTarget): string {
  const m = measureSpec(t.measure);
  const words = t.part === 'covered' ? m.coveredWords : m.uncoveredWords;
  return `${words[0]!.toUpperCase()}${words.slice(1)} in ${t.schema === undefined ? t.catalog : `${t.catalog}.${t.schema}`}`;
}

/** "pii, phi, pci, or class = restricted or confidential" — which tags make a column sensitive. */
export function describeSensitive(tags: readonly SensitiveTag[]): string {
  const words = tags.map((t) => (t.values?.length ? `${t.key} = ${t.values.join(' or ')}` : t.key));
  return words.length <= 1 ? (words[0] ?? 'none') : `${words.slice(0, -1).join(', ')}, or ${words.at(-1)}`;
}
