import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseRedirectUri } from '../../../shared/domain/oauth-client';
import { createLogger, type LogRecord } from '../../logging';
import type { Clock } from '../../ports';
import { RESULT_PATH } from './callback-page';
import { freePort, rawGet } from './loopback.test-support';
import { startLoopbackListener, type LoopbackListener, type LoopbackOptions } from './loopback-listener';

/**
 * After the browser comes back, the listener stays up for the result page: a sign-in timeout that falls due then
 * changes nothing, a result page being served is not cut off when the linger ends, and without a report the page
 * answers after the linger. Driven by a manual clock, so no test waits on wall time.
 */

const STATE = 'the-right-state-value-0123456789abcdef';
const open: LoopbackListener[] = [];
afterEach(() => {
  for (const l of open.splice(0)) l.close();
});

function manualClock(): Clock & { advance(ms: number): void; readonly sleeps: number[] } {
  let now = 0;
  const timers: { at: number; resolve: () => void }[] = [];
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep(ms, signal) {
      sleeps.push(ms);
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const t = { at: now + ms, resolve };
        timers.push(t);
        signal?.addEventListener('abort', () => {
          if (timers.includes(t)) timers.splice(timers.indexOf(t), 1);
          reject(signal.reason);
        });
      });
    },
    advance(ms) {
      now += ms;
      for (const t of timers.filter((x) => x.at <= now)) {
        timers.splice(timers.indexOf(t), 1);
        t.resolve();
      }
    },
  };
}

async function signedIn(extra: Partial<LoopbackOptions>) {
  const port = await freePort();
  const parsed = parseRedirectUri(`http://127.0.0.1:${port}/cb`);
  if (!parsed.ok) throw new Error(parsed.problem);
  const records: LogRecord[] = [];
  const clock = manualClock();
  const l = await startLoopbackListener({
    redirectUris: [parsed.value],
    state: STATE,
    clock,
    logger: createLogger({ level: 'info', sinks: [(r) => void records.push(r)] }),
    timeoutMs: 60_000,
    lingerMs: 2_000,
    ...extra,
  });
  open.push(l);
  const base = `http://127.0.0.1:${port}`;
  return { l, clock, base, records };
}

describe('loopback listener after the callback', () => {
  it('a sign-in timeout falling due after the code came changes nothing: the result page still says signed in', async () => {
    const { l, clock, base } = await signedIn({ timeoutMs: 5_000, lingerMs: 60_000 });
    await rawGet(`${base}/cb?code=c&state=${STATE}`);
    expect(await l.code).toBe('c');
    clock.advance(5_000);
    l.complete();
    const page = await rawGet(`${base}${RESULT_PATH}`);
    expect(page.body).toContain('Signed in to ucbridge');
  });

  it('a result page being served when the linger ends is answered, not cut off; without a report it says signed in after the linger', async () => {
    const { l, clock, base } = await signedIn({ lingerMs: 2_000 });
    await rawGet(`${base}/cb?code=c&state=${STATE}`);
    expect(await l.code).toBe('c');
    const page = rawGet(`${base}${RESULT_PATH}`);
    // The sign-in timeout, the linger after the callback, and the result page's own wait for a report.
    await vi.waitFor(() => expect(clock.sleeps).toEqual([60_000, 2_000, 2_000]));
    clock.advance(2_000);
    expect((await page).body).toContain('Signed in to ucbridge');
    await l.closed;
  });

  it('logs a callback with a wrong state (and answers it with the fix)', async () => {
    const { base, records } = await signedIn({});
    const r = await rawGet(`${base}/cb?code=c&state=wrong`);
    expect(r.status).toBe(400);
    expect(r.body).toMatch(/<p>[^<]+<\/p><p>[^<]+<\/p>/);
    expect(records.filter((x) => x.level === 'warn').map((x) => x.message)).toEqual(['ignored a loopback callback with a wrong or missing state']);
  });
});
