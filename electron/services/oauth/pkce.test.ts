import { describe, expect, it } from 'vitest';
import { challengeFor, createPkce, randomToken, sameSecret } from './pkce';

describe('PKCE and state', () => {
  it('matches the RFC 7636 appendix B example', () => {
    expect(challengeFor('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes 43-character base64url verifiers with an S256 challenge', () => {
    const p = createPkce();
    expect(p.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(p.challenge).toBe(challengeFor(p.verifier));
    expect(p.method).toBe('S256');
  });

  it('never repeats a verifier or a state', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      seen.add(createPkce().verifier);
      seen.add(randomToken());
    }
    expect(seen.size).toBe(2000);
  });

  it('compares state values exactly', () => {
    const s = randomToken();
    expect(sameSecret(s, s)).toBe(true);
    expect(sameSecret(s, `${s}x`)).toBe(false);
    expect(sameSecret(s, s.slice(0, -1) + (s.endsWith('A') ? 'B' : 'A'))).toBe(false);
    expect(sameSecret('', s)).toBe(false);
    expect(sameSecret(null, s)).toBe(false);
  });
});
