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
  /** Entries at or after this time. */
  readonly since?: Date;
}

const CAPACITY = 100_000;

/**
 * Every HTTP request the sandbox served, queryable from tests and appended as JSON lines to
 * `<data-dir>/requests.jsonl` when a data dir is set. It never holds a token, code or secret: bodies and headers
 * other than User-Agent are not logged and query strings are redacted.
 */
export class RequestLog {
  private readonly list: RequestLogEntry[] = [];
  private readonly file: WriteStream | undefined;

  constructor(filePath?: string) {
    this.file = filePath === undefined ? undefined : createWriteStream(filePath, { flags: 'a', mode: 0o600 });
  }

  record(entry: RequestLogEntry): void {
    this.list.push(entry);
    if (this.list.length > CAPACITY) this.list.splice(0, this.list.length - CAPACITY);
    this.file?.write(`${JSON.stringify(entry)}\n`);
  }

  entries(filter: RequestLogFilter = {}): readonly RequestLogEntry[] {
    const since = filter.since?.toISOString();
    return this.list.filter(
      (e) =>
        (filter.method === undefined || e.method === filter.method) &&
        (filter.pathPrefix === undefined || e.path.startsWith(filter.pathPrefix)) &&
        (filter.kind === undefined || e.kind === filter.kind) &&
        (filter.principal === undefined || e.principal === filter.principal) &&
        (filter.status === undefined || e.status === filter.status) &&
        (since === undefined || e.time >= since),
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
