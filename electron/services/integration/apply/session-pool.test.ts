import { describe, expect, it } from 'vitest';
import type { SqlSession } from '../../connection/types';
import { tick } from './apply.test-support';
import { createSessionPool } from './session-pool';
import { fakeSessions } from './session-fakes.test-support';

/** What a borrow has come to after the event loop turned: a session, a failure, or still waiting. */
async function settled(p: Promise<SqlSession>): Promise<SqlSession | unknown> {
  const waiting = Symbol('still waiting');
  let outcome: unknown = waiting;
  p.then(
    (s) => (outcome = s),
    (e: unknown) => (outcome = e),
  );
  await tick();
  return outcome === waiting ? 'still waiting' : outcome;
}

describe('session pool', () => {
  it('opens sessions lazily, never more than the maximum, and reuses released ones', async () => {
    const f = fakeSessions();
    const pool = createSessionPool(() => f.open(), 2);
    const a = await pool.acquire();
    const b = await pool.acquire();
    let third: SqlSession | undefined;
    void pool.acquire().then((s) => (third = s));
    await tick();
    expect(f.opened).toHaveLength(2);
    expect(third).toBeUndefined();
    pool.release(a);
    await tick();
    expect(third).toBe(a);
    // A discarded session frees its slot: the next borrower gets a fresh one.
    pool.discard(b);
    expect(f.opened[1]!.closed).toBe(true);
    await pool.acquire();
    expect(f.opened).toHaveLength(3);
  });

  it('a session that failed to open frees its slot: the next borrower opens one again', async () => {
    const f = fakeSessions();
    const pool = createSessionPool(() => f.open(), 1);
    f.state.openFails = 1;
    await expect(pool.acquire()).rejects.toThrow(/ECONNREFUSED/);
    const next = await settled(pool.acquire());
    expect(next).toMatchObject({ httpPath: '/sql/1.0/warehouses/abc' });
    expect(f.opened).toHaveLength(1);
  });

  it('a borrower waiting for the only slot opens its own session when the open in flight fails', async () => {
    const f = fakeSessions();
    const pool = createSessionPool(() => f.open(), 1);
    f.state.holdOpens = true;
    f.state.openFails = 1;
    const first = pool.acquire();
    const second = pool.acquire();
    await tick();
    expect(f.opening).toHaveLength(1);
    f.state.holdOpens = false;
    f.opening.shift()!.resolve();
    await expect(first).rejects.toThrow(/ECONNREFUSED/);
    expect(await settled(second)).toMatchObject({ httpPath: '/sql/1.0/warehouses/abc' });
    expect(f.opened).toHaveLength(1);
  });

  it('a cancelled wait fails CANCELLED and leaves the queue: the session released next goes to the one still waiting', async () => {
    const f = fakeSessions();
    const pool = createSessionPool(() => f.open(), 1);
    const a = await pool.acquire();
    const cancel = new AbortController();
    const cancelled = pool.acquire(cancel.signal);
    const patient = pool.acquire();
    cancel.abort();
    expect(await settled(cancelled)).toMatchObject({ error: { code: 'CANCELLED', message: 'Cancelled.' } });
    pool.release(a);
    expect(await settled(patient)).toBe(a);
  });

  it('a borrower served before its cancel stops listening: the late cancel takes no other borrower out of the queue', async () => {
    const f = fakeSessions();
    const pool = createSessionPool(() => f.open(), 1);
    const a = await pool.acquire();
    const cancel = new AbortController();
    const served = pool.acquire(cancel.signal);
    const next = pool.acquire();
    pool.release(a);
    expect(await settled(served)).toBe(a);
    cancel.abort();
    pool.release(a);
    expect(await settled(next)).toBe(a);
  });

  it('after close it lends nothing: new and waiting borrowers fail CANCELLED, and returned sessions are closed', async () => {
    const f = fakeSessions();
    const pool = createSessionPool(() => f.open(), 1);
    const a = await pool.acquire();
    const waiting = pool.acquire();
    await pool.close();
    expect(await settled(waiting)).toMatchObject({ error: { code: 'CANCELLED', message: 'The apply has ended.' } });
    await expect(pool.acquire()).rejects.toMatchObject({ error: { code: 'CANCELLED', message: 'The apply has ended.' } });
    expect(f.opened[0]!.closed).toBe(false);
    pool.release(a);
    expect(f.opened[0]!.closed).toBe(true);
    expect(f.opened).toHaveLength(1);
  });

  it('a session handed to a waiting borrower just as the pool closes is closed, and the borrower fails CANCELLED', async () => {
    const f = fakeSessions();
    const pool = createSessionPool(() => f.open(), 1);
    const a = await pool.acquire();
    const waiting = pool.acquire();
    pool.release(a);
    void pool.close();
    expect(await settled(waiting)).toMatchObject({ error: { code: 'CANCELLED', message: 'The apply has ended.' } });
    expect(f.opened[0]!.closed).toBe(true);
  });
});
