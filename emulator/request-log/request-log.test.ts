import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { redactQuery } from './redact';
import { RequestLog, type RequestLogEntry } from './request-log';

const entry = (over: Partial<RequestLogEntry>): RequestLogEntry => ({
  time: new Date().toISOString(),
  method: 'GET',
  path: '/api/2.0/preview/scim/v2/Me',
  query: '',
  kind: 'rest',
  status: 200,
  userAgent: 'ucbridge_desktop/0.1.0',
  durationMs: 3,
  ...over,
});

describe('redactQuery', () => {
  it('hides OAuth secrets and credential-looking values, keeps the rest', () => {
    expect(redactQuery('?code=abc&state=xyz&client_id=app&redirect_uri=http%3A%2F%2Flocalhost%3A8020%2Fcallback')).toBe(
      '?code=%5BREDACTED%5D&state=%5BREDACTED%5D&client_id=app&redirect_uri=http%3A%2F%2Flocalhost%3A8020%2Fcallback',
    );
    expect(redactQuery('?x=dapi0123456789abcdef0123456789abcdef&y=eyJhbGciOi.eyJzdWIi.sig&max_results=10')).toBe(
      '?x=%5BREDACTED%5D&y=%5BREDACTED%5D&max_results=10',
    );
    expect(redactQuery('')).toBe('');
  });
});

describe('RequestLog', () => {
  it('filters entries and appends JSON lines to a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reqlog-'));
    const log = new RequestLog(join(dir, 'requests.jsonl'));
    log.record(entry({ principal: 'a@x.example' }));
    log.record(entry({ method: 'POST', path: '/oidc/v1/token', kind: 'oauth', status: 400 }));
    expect(log.entries({ kind: 'oauth' })).toHaveLength(1);
    expect(log.entries({ principal: 'a@x.example', pathPrefix: '/api/' })).toHaveLength(1);
    const mark = log.mark();
    expect(log.entries({ after: mark })).toHaveLength(0);
    log.record(entry({ time: new Date(0).toISOString() }));
    expect(log.entries({ after: mark }).map((e) => e.seq)).toEqual([3]); // by order recorded, whatever its time
    await log.close();
    const lines = (await readFile(join(dir, 'requests.jsonl'), 'utf8')).trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).path)).toEqual(['/api/2.0/preview/scim/v2/Me', '/oidc/v1/token', '/api/2.0/preview/scim/v2/Me']);
    await rm(dir, { recursive: true, force: true });
  });
});
