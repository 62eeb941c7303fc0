import { describe, expect, it } from 'vitest';
import { systemClock } from './system-clock';

describe('systemClock', () => {
  it('tells the time', () => {
    const before = Date.now();
    expect(systemClock.now()).toBeGreaterThanOrEqual(before);
  });

  it('sleeps', async () => {
    await expect(systemClock.sleep(5)).resolves.toBeUndefined();
  });

  it('rejects with the reason when aborted during the sleep', async () => {
    const controller = new AbortController();
    const sleeping = systemClock.sleep(60_000, controller.signal);
    controller.abort(new Error('cancelled by user'));
    await expect(sleeping).rejects.toThrow('cancelled by user');
  });

  it('rejects at once when already aborted', async () => {
    await expect(systemClock.sleep(60_000, AbortSignal.abort(new Error('early')))).rejects.toThrow('early');
  });
});
