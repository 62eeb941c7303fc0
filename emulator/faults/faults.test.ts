import { describe, expect, it } from 'vitest';
import { FaultSpecError, parseFaultSpec } from './fault-spec';
import { Faults } from './faults';

describe('parseFaultSpec', () => {
  it('parses the documented knobs', () => {
    expect(parseFaultSpec('latency=50,rate429=0.3,rate503=0.1,resetAfter=100,earlyExpiry=5')).toEqual({
      latencyMs: 50,
      rate429: 0.3,
      rate503: 0.1,
      retryAfterSeconds: 1,
      resetAfter: 100,
      earlyExpirySeconds: 5,
    });
  });

  it.each(['rate429=2', 'rate429=0.6,rate503=0.6', 'latency=-1', 'latency=abc', 'resetAfter=0', 'bogus=1', 'latency', 'a=b=c'])(
    'refuses %s with a clear error',
    (spec) => {
      expect(() => parseFaultSpec(spec)).toThrow(FaultSpecError);
    },
  );
});

describe('Faults', () => {
  it('resets one request after every N', () => {
    const faults = new Faults();
    faults.configure('resetAfter=2');
    expect([1, 2, 3, 4, 5, 6].map(() => faults.decide().action)).toEqual(['pass', 'pass', 'reset', 'pass', 'pass', 'reset']);
    expect(faults.counters.resets).toBe(2);
  });

  it('answers roughly the configured fractions, repeatably with a seed', () => {
    const run = (): string[] => {
      const faults = new Faults();
      faults.configure('rate429=0.3,rate503=0.1,seed=7');
      return Array.from({ length: 2000 }, () => faults.decide().action);
    };
    const actions = run();
    expect(run()).toEqual(actions);
    const share = (a: string): number => actions.filter((x) => x === a).length / actions.length;
    expect(share('rate-limit')).toBeGreaterThan(0.25);
    expect(share('rate-limit')).toBeLessThan(0.35);
    expect(share('unavailable')).toBeGreaterThan(0.07);
    expect(share('unavailable')).toBeLessThan(0.13);
  });

  it('switches at runtime and calls the revoker', () => {
    const faults = new Faults();
    let revoked = 0;
    faults.setRevoker(() => (revoked += 1));
    faults.set({ latencyMs: 20, earlyExpirySeconds: 3 });
    expect(faults.decide()).toMatchObject({ latencyMs: 20, action: 'pass' });
    expect(faults.earlyExpirySeconds()).toBe(3);
    faults.revokeAllTokens();
    expect(revoked).toBe(1);
    faults.clear();
    expect(faults.decide().latencyMs).toBe(0);
  });
});
