import type { PagingFault } from '../contracts';
import { NO_FAULTS, parseFaultSpec, validateFaults, type FaultSettings, type TokenErrorShape } from './fault-spec';
import { RequestGate } from './request-gate';

export type FaultAction = 'pass' | 'reset' | 'rate-limit' | 'unavailable';

export interface FaultDecision {
  readonly latencyMs: number;
  readonly action: FaultAction;
  readonly retryAfterSeconds: number;
}

export interface FaultCounters {
  readonly requests: number;
  readonly rateLimited: number;
  readonly unavailable: number;
  readonly resets: number;
  readonly revocations: number;
}

/** mulberry32: a tiny seeded PRNG so a `seed` makes the 429/503 pattern repeatable. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Runtime-switchable faults for API, token and SQL requests: latency, 429/503 with Retry-After, connection resets,
 * early token expiry, the shape of a token refusal, revoking every OAuth token, and small or empty list pages.
 * Programmatic (`set`, `configure`) and from `--faults`.
 */
export class Faults {
  private current: FaultSettings;
  private random: () => number;
  private sinceReset = 0;
  private counts = { requests: 0, rateLimited: 0, unavailable: 0, resets: 0, revocations: 0 };
  private revoker: () => void = () => undefined;
  /** Holds API, token and SQL requests while closed (tests: `gate.close()`, act, `gate.open()`). */
  readonly gate = new RequestGate();

  constructor(initial: FaultSettings = NO_FAULTS) {
    this.current = validateFaults(initial);
    this.random = initial.seed === undefined ? Math.random : seeded(initial.seed);
  }

  get settings(): FaultSettings {
    return this.current;
  }

  get counters(): FaultCounters {
    return { ...this.counts };
  }

  /** Changes some knobs; the rest stay. */
  set(changes: Partial<FaultSettings>): FaultSettings {
    this.current = validateFaults({ ...this.current, ...changes });
    if (changes.seed !== undefined) this.random = seeded(changes.seed);
    if (changes.resetAfter !== undefined) this.sinceReset = 0;
    return this.current;
  }

  /** Applies a `--faults` style spec on top of the current settings. */
  configure(spec: string): FaultSettings {
    return this.set(parseFaultSpec(spec, this.current));
  }

  /** Everything off again (the gate opens too). */
  clear(): void {
    this.gate.open();
    this.current = NO_FAULTS;
    this.random = Math.random;
    this.sinceReset = 0;
  }

  /** How paginated lists page now (pagination.ts applies it). */
  paging(): PagingFault {
    const { pageSize, emptyPages } = this.current;
    return { ...(pageSize === undefined ? {} : { pageSize }), emptyPages: emptyPages === 1 };
  }

  earlyExpirySeconds(): number | undefined {
    return this.current.earlyExpirySeconds;
  }

  /** How a refused token is answered (401 unless the `tokenError` fault says otherwise). */
  tokenErrorShape(): TokenErrorShape {
    return this.current.tokenError ?? 401;
  }

  /** Wired by the sandbox at start to the OAuth server. */
  setRevoker(revoker: () => void): void {
    this.revoker = revoker;
  }

  /** Every OAuth access and refresh token issued so far stops working (PATs are not affected). */
  revokeAllTokens(): void {
    this.counts.revocations += 1;
    this.revoker();
  }

  /** Called once per faultable request. */
  decide(): FaultDecision {
    const s = this.current;
    this.counts.requests += 1;
    const decision = (action: FaultAction): FaultDecision => ({ latencyMs: s.latencyMs, action, retryAfterSeconds: s.retryAfterSeconds });
    if (s.resetAfter !== undefined) {
      if (this.sinceReset >= s.resetAfter) {
        this.sinceReset = 0;
        this.counts.resets += 1;
        return decision('reset');
      }
      this.sinceReset += 1;
    }
    if (s.rate429 > 0 || s.rate503 > 0) {
      const r = this.random();
      if (r < s.rate429) {
        this.counts.rateLimited += 1;
        return decision('rate-limit');
      }
      if (r < s.rate429 + s.rate503) {
        this.counts.unavailable += 1;
        return decision('unavailable');
      }
    }
    return decision('pass');
  }
}
