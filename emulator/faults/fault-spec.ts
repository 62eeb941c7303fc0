/** The sandbox's fault knobs. All off by default. */
export interface FaultSettings {
  /** Added before answering every API, token and SQL request. */
  readonly latencyMs: number;
  /** Fraction (0..1) answered 429 with `Retry-After`. */
  readonly rate429: number;
  /** Fraction (0..1) answered 503 `TEMPORARILY_UNAVAILABLE` with `Retry-After`. */
  readonly rate503: number;
  /** The `Retry-After` seconds sent with 429 and 503 (Databricks sends integer seconds, unity-catalog-scim-rest.md §6.2). */
  readonly retryAfterSeconds: number;
  /** After every N requests the next one has its connection reset (no response). */
  readonly resetAfter?: number;
  /** OAuth access tokens stop working this many seconds after they were issued, whatever their `exp` says. */
  readonly earlyExpirySeconds?: number;
  /**
   * How a refused (expired, revoked, unknown) token is answered, on REST and by the SQL warehouse alike: 401
   * `UNAUTHENTICATED` (the default), 403 with a numeric `error_code` 403, or 400 `ExpiredJwtException`: the shapes
   * Databricks has used over time (see emulator/http/token-refusal.ts).
   */
  readonly tokenError?: TokenErrorShape;
  /** Seed for the 429/503 draws, for reproducible runs. */
  readonly seed?: number;
  /** Every paginated list answers at most this many items per page, whatever `max_results` asked. */
  readonly pageSize?: number;
  /**
   * 1: every page of a paginated list is preceded by an empty page that still carries a `next_page_token`, which
   * the Unity Catalog list APIs document as possible (https://docs.databricks.com/api/workspace/schemas/list).
   */
  readonly emptyPages?: number;
}

export const TOKEN_ERROR_SHAPES = [401, 403, 400] as const;
export type TokenErrorShape = (typeof TOKEN_ERROR_SHAPES)[number];

export const NO_FAULTS: FaultSettings = { latencyMs: 0, rate429: 0, rate503: 0, retryAfterSeconds: 1 };

export class FaultSpecError extends Error {}

const KEYS: Readonly<Record<string, keyof FaultSettings>> = {
  latency: 'latencyMs',
  rate429: 'rate429',
  rate503: 'rate503',
  retryAfter: 'retryAfterSeconds',
  resetAfter: 'resetAfter',
  earlyExpiry: 'earlyExpirySeconds',
  tokenError: 'tokenError',
  seed: 'seed',
  pageSize: 'pageSize',
  emptyPages: 'emptyPages',
};

/** Checks a settings object (programmatic or parsed) and returns it frozen. */
export function validateFaults(s: FaultSettings): FaultSettings {
  const fraction = (v: number, name: string): void => {
    if (!(v >= 0 && v <= 1)) throw new FaultSpecError(`${name} must be between 0 and 1`);
  };
  fraction(s.rate429, 'rate429');
  fraction(s.rate503, 'rate503');
  if (s.rate429 + s.rate503 > 1) throw new FaultSpecError('rate429 + rate503 must not exceed 1');
  for (const [name, v] of [['latency', s.latencyMs], ['retryAfter', s.retryAfterSeconds]] as const) {
    if (!Number.isInteger(v) || v < 0) throw new FaultSpecError(`${name} must be a whole number ≥ 0`);
  }
  if (s.emptyPages !== undefined && s.emptyPages !== 0 && s.emptyPages !== 1) throw new FaultSpecError('emptyPages must be 0 or 1');
  for (const [name, v] of [['resetAfter', s.resetAfter], ['earlyExpiry', s.earlyExpirySeconds], ['pageSize', s.pageSize]] as const) {
    if (v !== undefined && (!Number.isInteger(v) || v < 1)) throw new FaultSpecError(`${name} must be a whole number ≥ 1`);
  }
  if (s.tokenError !== undefined && !TOKEN_ERROR_SHAPES.includes(s.tokenError)) throw new FaultSpecError(`tokenError must be one of ${TOKEN_ERROR_SHAPES.join(', ')}`);
  return Object.freeze({ ...s });
}

/** Parses `latency=50,rate429=0.3,rate503=0.1,resetAfter=100,earlyExpiry=5,tokenError=403` (also `retryAfter`, `seed`, `pageSize`, `emptyPages`). */
export function parseFaultSpec(spec: string, base: FaultSettings = NO_FAULTS): FaultSettings {
  const out: Record<string, number> = { ...base } as unknown as Record<string, number>;
  for (const part of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [key = '', value = '', ...extra] = part.split('=');
    const field = KEYS[key.trim()];
    if (!field || extra.length > 0) throw new FaultSpecError(`Unknown fault "${part}". Known: ${Object.keys(KEYS).join(', ')}`);
    const n = Number(value.trim());
    if (value.trim() === '' || !Number.isFinite(n)) throw new FaultSpecError(`Fault ${key} needs a number, got "${value}"`);
    out[field] = n;
  }
  return validateFaults(out as unknown as FaultSettings);
}
