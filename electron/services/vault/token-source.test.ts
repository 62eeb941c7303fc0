import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/result';
import { createLogger } from '../../logging';
import type { Clock } from '../../ports';
import { createTokenSource, type TokenSourceOptions } from './token-source';
import { failureOf as failure } from '../../../test/failure-of';

const logger = createLogger({ level: 'error' });
const HOUR = 3_600_000;

function manualClock(start = 1_000_000): Clock & { advance(ms: number): void } {
  let now = start;
  return {
    now: () => now,
    sleep: async () => undefined,
    advance: (ms) => {
      now += ms;
    },
  };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

function setup(over: Partial<TokenSourceOptions> & { clock?: ReturnType<typeof manualClock> } = {}) {
  const clock = over.clock ?? manualClock();
  const log: string[] = [];
  let n = 0;
  const states: string[] = [];
  const source = createTokenSource({
    clock,
    logger,
    initial: { accessToken: 'at-0', refreshToken: 'rt-0', expiresAt: clock.now() + HOUR },
    renew: async (cur) => {
      n++;
      log.push(`renew with ${cur?.refreshToken}`);
      await tick();
      return { accessToken: `at-${n}`, refreshToken: `rt-${n}`, expiresAt: clock.now() + HOUR };
    },
    persist: async (next) => {
      log.push(`persist ${next.refreshToken}`);
    },
    onChange: (s) => states.push(s),
    ...over,
  });
  return { clock, source, log, states, renewals: () => n };
}

describe('token source', () => {
  it('hands out the current token while it has more than 5 minutes left', async () => {
    const { source, clock, renewals } = setup();
    clock.advance(HOUR - 5 * 60_000 - 1);
    expect(await source.accessToken()).toBe('at-0');
    expect(renewals()).toBe(0);
  });

  it('refreshes 5 minutes before expiry, saving the rotated refresh token before handing out the new access token', async () => {
    const { source, clock, log } = setup();
    clock.advance(HOUR - 5 * 60_000);
    expect(await source.accessToken()).toBe('at-1');
    expect(log).toEqual(['renew with rt-0', 'persist rt-1']);
    expect(source.current()?.refreshToken).toBe('rt-1');
  });

  it('100 concurrent callers with an expired token cause exactly one refresh', async () => {
    const { source, clock, renewals, log } = setup();
    clock.advance(2 * HOUR);
    const tokens = await Promise.all(Array.from({ length: 100 }, () => source.accessToken()));
    expect(new Set(tokens)).toEqual(new Set(['at-1']));
    expect(renewals()).toBe(1);
    expect(log).toEqual(['renew with rt-0', 'persist rt-1']);
  });

  it('refreshes once after a 401, however many callers saw it', async () => {
    const { source, renewals } = setup();
    const tokens = await Promise.all(Array.from({ length: 20 }, () => source.afterUnauthorized('at-0')));
    expect(new Set(tokens)).toEqual(new Set(['at-1']));
    expect(await source.afterUnauthorized('at-0')).toBe('at-1');
    expect(renewals()).toBe(1);
  });

  it('never presents a spent refresh token again, even when saving the rotated one fails', async () => {
    const { source, clock, log } = setup({
      persist: async () => {
        throw new AppFailure({ code: 'STORAGE', message: 'disk full' });
      },
    });
    clock.advance(2 * HOUR);
    expect(await source.accessToken()).toBe('at-1');
    clock.advance(2 * HOUR);
    expect(await source.accessToken()).toBe('at-2');
    expect(log).toEqual(['renew with rt-0', 'renew with rt-1']);
  });

  it('turns a refused refresh into signin-required and never calls the server again', async () => {
    let calls = 0;
    const { source, clock, states } = setup({
      renew: async () => {
        calls++;
        throw new AppFailure({ code: 'AUTH_REQUIRED', message: 'Your sign-in has expired or was revoked.' });
      },
    });
    clock.advance(2 * HOUR);
    const errors = await Promise.all(Array.from({ length: 10 }, () => failure(source.accessToken())));
    expect(errors.every((e) => e.code === 'AUTH_REQUIRED')).toBe(true);
    expect((await failure(source.afterUnauthorized('at-0'))).code).toBe('AUTH_REQUIRED');
    expect(calls).toBe(1);
    expect(source.state().state).toBe('signin-required');
    expect(states).toEqual(['refreshing', 'signin-required']);
  });

  it('keeps using a still-valid token when a proactive refresh fails for a transient reason', async () => {
    const { source, clock } = setup({
      renew: async () => {
        throw new AppFailure({ code: 'NETWORK', message: 'unreachable' });
      },
    });
    clock.advance(HOUR - 60_000);
    expect(await source.accessToken()).toBe('at-0');
    clock.advance(2 * 60_000);
    expect((await failure(source.accessToken())).code).toBe('NETWORK');
    expect(source.state().state).toBe('expired');
  });

  it('refreshes a short-lived token at half its life rather than on every call', async () => {
    const clock = manualClock();
    const { source, renewals } = setup({ clock, initial: { accessToken: 'at-0', refreshToken: 'rt-0', obtainedAt: clock.now(), expiresAt: clock.now() + 5 * 60_000 } });
    clock.advance(2 * 60_000);
    expect(await source.accessToken()).toBe('at-0');
    clock.advance(31_000);
    expect(await source.accessToken()).toBe('at-1');
    expect(renewals()).toBe(1);
  });

  it('renews on first use after a restart (no access token yet)', async () => {
    const { source } = setup({ initial: undefined });
    expect(await source.accessToken()).toBe('at-1');
  });

  it('a PAT cannot renew: a 401 means sign in again', async () => {
    const { source } = setup({ renew: undefined, initial: { accessToken: 'dapi123', expiresAt: undefined } });
    expect(await source.accessToken()).toBe('dapi123');
    expect((await failure(source.afterUnauthorized('dapi123'))).code).toBe('AUTH_REQUIRED');
  });

  it('lets one caller cancel its wait without cancelling the shared refresh', async () => {
    const { source, clock, renewals } = setup();
    clock.advance(2 * HOUR);
    const controller = new AbortController();
    const cancelled = source.accessToken(controller.signal);
    const other = source.accessToken();
    controller.abort();
    expect((await failure(cancelled)).code).toBe('CANCELLED');
    expect(await other).toBe('at-1');
    expect(renewals()).toBe(1);
  });

  it('is unusable after dispose, and asks the server for nothing', async () => {
    const { source, renewals } = setup();
    source.dispose();
    expect(await failure(source.accessToken())).toEqual({ code: 'NOT_CONNECTED', message: 'This session has ended.' });
    expect(renewals()).toBe(0);
  });

  it('in the last minutes of a token, a refused refresh or a cancelled wait is not hidden by handing out the old token', async () => {
    const refused = setup({
      renew: async () => {
        throw new AppFailure({ code: 'AUTH_REQUIRED', message: 'Your sign-in has expired or was revoked.' });
      },
    });
    refused.clock.advance(HOUR - 60_000);
    expect((await failure(refused.source.accessToken())).code).toBe('AUTH_REQUIRED');
    const { source, clock } = setup();
    clock.advance(HOUR - 60_000);
    const aborted = new AbortController();
    aborted.abort();
    expect((await failure(source.accessToken(aborted.signal))).code).toBe('CANCELLED');
  });

  it('logs the transient failure it works around', async () => {
    const records: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
    const { source, clock } = setup({
      logger: createLogger({ sinks: [(r) => records.push(r)] }),
      renew: async () => {
        throw new AppFailure({ code: 'NETWORK', message: 'unreachable' });
      },
    });
    clock.advance(HOUR - 60_000);
    expect(await source.accessToken()).toBe('at-0');
    expect(records.map((r) => [r.level, r.message])).toEqual([['warn', 'proactive token refresh failed; using the current token until it expires']]);
    // With the failure itself, so the log says why.
    expect(records[0]!.fields).toEqual({ error: expect.objectContaining({ message: 'unreachable' }) });
  });

  it('reports its state: valid with a token, expired without, signin-required when restored signed out; refreshing then valid with the new expiry', async () => {
    const { source, clock } = setup();
    expect(source.state()).toEqual({ state: 'valid', expiresAt: clock.now() + HOUR });
    expect(setup({ initial: undefined }).source.state()).toEqual({ state: 'expired', expiresAt: undefined });
    expect(setup({ signedOut: true }).source.state().state).toBe('signin-required');
    const changes: unknown[] = [];
    const renewing = setup({ onChange: (s, at) => changes.push([s, at]) });
    renewing.clock.advance(2 * HOUR);
    await renewing.source.accessToken();
    expect(changes).toEqual([['refreshing', renewing.clock.now() - 2 * HOUR + HOUR], ['valid', renewing.clock.now() + HOUR]]);
    renewing.source.dispose();
    expect(renewing.source.state()).toEqual({ state: 'valid', expiresAt: undefined });
  });

  it('a signal already aborted is refused at once; one never aborted gets the token', async () => {
    const { source, clock } = setup();
    clock.advance(2 * HOUR);
    const aborted = new AbortController();
    aborted.abort();
    expect(await failure(source.accessToken(aborted.signal))).toEqual({ code: 'CANCELLED', message: 'Cancelled.' });
    expect(await source.accessToken(new AbortController().signal)).toBe('at-1');
  });

  it('a waiter’s abort ends its wait with CANCELLED, and its listener is removed once the token is there', async () => {
    const { source, clock } = setup();
    clock.advance(2 * HOUR);
    const added: unknown[] = [];
    const removed: unknown[] = [];
    const signal = {
      aborted: false,
      addEventListener: (type: string, fn: unknown, options: unknown) => added.push([type, fn, options]),
      removeEventListener: (type: string, fn: unknown) => removed.push([type, fn]),
    } as unknown as AbortSignal;
    expect(await source.accessToken(signal)).toBe('at-1');
    expect(added).toEqual([['abort', expect.any(Function), { once: true }]]);
    expect(removed).toEqual([['abort', (added[0] as unknown[])[1]]]);
    const controller = new AbortController();
    clock.advance(2 * HOUR);
    const waiting = source.accessToken(controller.signal);
    controller.abort();
    expect(await failure(waiting)).toEqual({ code: 'CANCELLED', message: 'Cancelled.' });
  });

  it('a renewal that ends after dispose hands out nothing, saves nothing and reports no state', async () => {
    let finish: () => void = () => undefined;
    const changes: string[] = [];
    const saved: string[] = [];
    const { source, clock } = setup({
      renew: () => new Promise((resolve) => (finish = () => resolve({ accessToken: 'late', refreshToken: 'rt-late', expiresAt: clock.now() + HOUR }))),
      persist: async (next) => void saved.push(next.accessToken),
      onChange: (s) => changes.push(s),
    });
    clock.advance(2 * HOUR);
    const pending = failure(source.accessToken());
    await tick();
    source.dispose();
    finish();
    expect(await pending).toEqual({ code: 'NOT_CONNECTED', message: 'This session has ended.' });
    expect(saved).toEqual([]);
    expect(changes).toEqual(['refreshing']);
    expect(await failure(source.afterUnauthorized('late'))).toEqual({ code: 'NOT_CONNECTED', message: 'This session has ended.' });
  });

  it('a failed renewal leaves a token without expiry valid, and one at its expiry instant expired (not handed out)', async () => {
    const transient = async () => {
      throw new AppFailure({ code: 'NETWORK', message: 'unreachable' });
    };
    const lasting = setup({ renew: transient, initial: { accessToken: 'x', refreshToken: 'r', expiresAt: undefined } });
    expect((await failure(lasting.source.afterUnauthorized('x'))).code).toBe('NETWORK');
    expect(lasting.source.state().state).toBe('valid');
    const { source, clock } = setup({ renew: transient });
    clock.advance(HOUR);
    expect((await failure(source.accessToken())).code).toBe('NETWORK');
    expect(source.state().state).toBe('expired');
  });

  it('a PAT asked to renew reports signin-required', async () => {
    const changes: string[] = [];
    const { source } = setup({ renew: undefined, initial: { accessToken: 'dapi123', expiresAt: undefined }, onChange: (s) => changes.push(s) });
    await failure(source.afterUnauthorized('dapi123'));
    expect(changes).toEqual(['signin-required']);
    expect((await failure(source.accessToken())).code).toBe('AUTH_REQUIRED');
  });

  it('logs a renewal and a rotated refresh token it could not save', async () => {
    const records: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
    const { source, clock } = setup({
      logger: createLogger({ sinks: [(r) => records.push(r)] }),
      persist: async () => {
        throw new AppFailure({ code: 'STORAGE', message: 'disk full' });
      },
    });
    clock.advance(2 * HOUR);
    await source.accessToken();
    expect(records.map((r) => [r.level, r.message])).toEqual([
      ['error', 'could not save the rotated refresh token; the session continues in memory only'],
      ['info', 'token renewed'],
    ]);
    expect(records[0]?.fields?.error).toBeDefined();
    expect(records[1]?.fields).toEqual({ expiresAt: clock.now() + HOUR });
  });
});
