import { createWriteStream, type WriteStream } from 'node:fs';

export type RequestKind = 'rest' | 'oauth' | 'sql' | 'other';

export interface RequestLogEntry {
  /** ISO 8601, when the request arrived. */
  readonly time: string;
  readonly method: string;
  readonly path: string;
  /** Query string with secrets redacted (`?a=1&code=[REDACTED]`), or ''. */
  readonly query: string;
  readonly kind: RequestKind;
  /** The authenticated principal's name (email, applicationId), when the request carried a valid credential. */
  readonly principal?: string;
  /** HTTP status; 0 when the connection was reset or closed before a response. */
  readonly status: number;
  readonly userAgent: string;
  readonly durationMs: number;
}

export interface RequestLogFilter {
  readonly method?: string;
  readonly pathPrefix?: string;
  readonly kind?: RequestKind;
  readonly principal?: string;
  readonly status?: number;
  /**
   * Entries recorded after this mark (`log.mark()`). A sequence, not a time: requests finishing in the same
   * millisecond as a `new Date()` taken after them would otherwise count as "since" it.
   */
  readonly after?: number;
}

/** An entry as the log keeps it: numbered in the order it was recorded (1, 2, …). */
export interface LoggedRequest extends RequestLogEntry {
  readonly seq: number;
}

const CAPACITY = 100_000;

/**
 * Every HTTP request the sandbox served, queryable from tests and appended as JSON lines to
 * `<data-dir>/requests.jsonl` when a data dir is set. It never holds a token, code or secret: bodies and headers
 * other than User-Agent are not logged and query strings are redacted.
 */
export class RequestLog {
  private readonly list: LoggedRequest[] = [];
  private recorded = 0;
  private readonly file: WriteStream | undefined;

  constructor(filePath?: string) {
    this.file = filePath === undefined ? undefined : createWriteStream(filePath, { flags: 'a', mode: 0o600 });
  }

  record(entry: RequestLogEntry): void {
    const logged = { seq: ++this.recorded, ...entry };
    this.list.push(logged);
    if (this.list.length > CAPACITY) this.list.splice(0, this.list.length - CAPACITY);
    this.file?.write(`${JSON.stringify(logged)}\n`);
  }

  /** The sequence number of the last entry recorded so far: `entries({ after: mark })` later gives what came next. */
  mark(): number {
    return this.recorded;
  }

  entries(filter: RequestLogFilter = {}): readonly LoggedRequest[] {
    const after = filter.after;
    return this.list.filter(
      (e) =>
        (filter.method === undefined || e.method === filter.method) &&
        (filter.pathPrefix === undefined || e.path.startsWith(filter.pathPrefix)) &&
        (filter.kind === undefined || e.kind === filter.kind) &&
        (filter.principal === undefined || e.principal === filter.principal) &&
        (filter.status === undefined || e.status === filter.status) &&
        (after === undefined || e.seq > after),
    );
  }

  clear(): void {
    this.list.length = 0;
  }

  async close(): Promise<void> {
    const file = this.file;
    if (!file) return;
    await new Promise<void>((resolve) => file.end(resolve));
  }
}
