/**
 * The steps ready to start, highest priority first (ties: earlier in the plan first, so runs are repeatable).
 * A binary heap: the scheduler pushes and pops once per step, so 2,000 steps cost O(n log n), not O(n²).
 */
export class ReadyQueue {
  private readonly heap: number[] = [];

  constructor(private readonly priority: ArrayLike<number>) {}

  get size(): number {
    return this.heap.length;
  }

  push(step: number): void {
    const h = this.heap;
    h.push(step);
    for (let i = h.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!this.before(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  pop(): number | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length === 0 || last === undefined) return top;
    h[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < h.length && this.before(h[l]!, h[best]!)) best = l;
      if (r < h.length && this.before(h[r]!, h[best]!)) best = r;
      if (best === i) break;
      [h[i], h[best]] = [h[best]!, h[i]!];
      i = best;
    }
    return top;
  }

  private before(a: number, b: number): boolean {
    const pa = this.priority[a]!;
    const pb = this.priority[b]!;
    return pa !== pb ? pa > pb : a < b;
  }
}
