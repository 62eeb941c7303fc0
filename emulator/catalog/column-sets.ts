import type { ColumnDef } from './model';

/**
 * Tables with identical columns share one frozen column array. A metastore of 100,000 tables × 20 columns then
 * holds only its distinct column lists in memory, and information_schema.columns joins tables to those lists in
 * DuckDB instead of storing two million rows twice.
 */
export class ColumnSets {
  private readonly byKey = new Map<string, readonly ColumnDef[]>();
  private readonly ids = new WeakMap<readonly ColumnDef[], number>();
  private nextId = 1;

  intern(columns: readonly ColumnDef[]): readonly ColumnDef[] {
    if (this.ids.has(columns)) return columns;
    const key = JSON.stringify(columns.map((c) => [c.name, c.typeText, c.nullable, c.comment]));
    const found = this.byKey.get(key);
    if (found) return found;
    const frozen = Object.freeze(columns.map((c) => Object.freeze({ ...c })));
    this.byKey.set(key, frozen);
    this.ids.set(frozen, this.nextId++);
    return frozen;
  }

  /** The stable id of an interned list (interning first if a caller passes a fresh array). */
  idOf(columns: readonly ColumnDef[]): number {
    const id = this.ids.get(columns);
    return id ?? this.ids.get(this.intern(columns))!;
  }

  all(): IterableIterator<readonly ColumnDef[]> {
    return this.byKey.values();
  }
}
