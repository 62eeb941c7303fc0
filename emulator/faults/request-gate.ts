/**
 * "The workspace stops answering now": while closed, every API, token and SQL request waits (its connection stays
 * open) until the gate opens again. A test control rather than documented Databricks behaviour — a workspace under
 * load or a stalled network looks like this to a client — so a test can hold an apply mid-run on an event (a step
 * finished) and act (cancel) with no race against the clock.
 */
export class RequestGate {
  private held: (() => void)[] | undefined;
  private watchers: { readonly count: number; readonly resolve: () => void }[] = [];

  get closed(): boolean {
    return this.held !== undefined;
  }

  /** Requests held so far. */
  get waiting(): number {
    return this.held?.length ?? 0;
  }

  close(): void {
    this.held ??= [];
  }

  /** Lets every held request go on, and the next ones through. */
  open(): void {
    const held = this.held ?? [];
    this.held = undefined;
    for (const release of held) release();
  }

  /** Resolves once `count` requests are held (a test's event: "the client is now waiting"). */
  holding(count = 1): Promise<void> {
    if (this.waiting >= count) return Promise.resolve();
    return new Promise((resolve) => this.watchers.push({ count, resolve }));
  }

  /** Undefined when open (no wait at all); else resolves when the gate opens. */
  pass(): Promise<void> | undefined {
    const held = this.held;
    if (held === undefined) return undefined;
    const passed = new Promise<void>((resolve) => held.push(resolve));
    const due = this.watchers.filter((w) => held.length >= w.count);
    this.watchers = this.watchers.filter((w) => held.length < w.count);
    for (const w of due) w.resolve();
    return passed;
  }
}
