import type { ColumnarBatch, ResultSource } from '../sql/engine/result-source';

/** A slice of one batch: rows `from` (inclusive) to `to` (exclusive). */
export interface Slice {
  readonly batch: ColumnarBatch;
  readonly from: number;
  readonly to: number;
}

export interface Page {
  readonly rowCount: number;
  readonly slices: readonly Slice[];
}

/**
 * Reads a result source page by page, keeping one batch of look-ahead so each page knows whether more rows
 * follow (`hasMoreRows`) without a trailing empty FetchResults being the only way to tell.
 */
export class Pager {
  private pending: Slice | null = null;
  private exhausted = false;
  offset = 0;

  constructor(private readonly source: ResultSource) {}

  private async pull(): Promise<Slice | null> {
    if (this.pending) {
      const p = this.pending;
      this.pending = null;
      return p;
    }
    if (this.exhausted) return null;
    const batch = await this.source.next();
    if (!batch) {
      this.exhausted = true;
      return null;
    }
    return { batch, from: 0, to: batch.rowCount };
  }

  async next(maxRows: number): Promise<{ page: Page; hasMore: boolean }> {
    const slices: Slice[] = [];
    let rows = 0;
    while (rows < maxRows) {
      const slice = await this.pull();
      if (!slice) break;
      const take = Math.min(slice.to - slice.from, maxRows - rows);
      slices.push({ batch: slice.batch, from: slice.from, to: slice.from + take });
      if (slice.from + take < slice.to) this.pending = { batch: slice.batch, from: slice.from + take, to: slice.to };
      rows += take;
    }
    if (!this.pending && !this.exhausted) this.pending = await this.pull();
    this.offset += rows;
    return { page: { rowCount: rows, slices }, hasMore: this.pending !== null };
  }

  close(): void {
    this.exhausted = true;
    this.pending = null;
    this.source.close();
  }
}
