import { describe, expect, it } from 'vitest';
import { PersonalAccessTokens } from './personal-access-tokens';
import { MAX_SECRETS_PER_SP, ServicePrincipalSecrets } from './service-principal-secrets';

describe('PersonalAccessTokens', () => {
  it('creates dapi tokens with an id, expiry and comment, and checks them', () => {
    const pats = new PersonalAccessTokens();
    const { value, record } = pats.create({ ownerId: '1', createdById: '1', createdByUsername: 'a@x.example', comment: 'ci', lifetimeSeconds: 60 }, 1_000);
    expect(value).toMatch(/^dapi[0-9a-f]{32}$/u);
    expect(record).toMatchObject({ comment: 'ci', creationTime: 1_000, expiryTime: 61_000 });
    expect(record.tokenId).toMatch(/^[0-9a-f]{64}$/u);
    expect(pats.check(value, 2_000)).toMatchObject({ ok: true });
    expect(pats.check(value, 61_000)).toEqual({ ok: false, reason: 'expired' });
    expect(pats.check('dapi00000000000000000000000000000000')).toEqual({ ok: false, reason: 'unknown' });
    expect(pats.check('not-a-token')).toEqual({ ok: false, reason: 'unknown' });
  });

  it('never expires without a lifetime, and deletes by id', () => {
    const pats = new PersonalAccessTokens();
    const { value, record } = pats.create({ ownerId: '1', createdById: '1', createdByUsername: 'a@x.example' });
    expect(record.expiryTime).toBe(-1);
    expect(pats.delete(record.tokenId)).toBe(true);
    expect(pats.delete(record.tokenId)).toBe(false);
    expect(pats.check(value).ok).toBe(false);
  });
});

describe('ServicePrincipalSecrets', () => {
  it('verifies any live secret of the SP and caps the count', () => {
    const secrets = new ServicePrincipalSecrets();
    const first = secrets.create('sp1');
    const second = secrets.create('sp1');
    expect(first.secret).toMatch(/^dose[0-9a-f]{64}$/u);
    expect(secrets.verify('sp1', first.secret)).toBe(true);
    expect(secrets.verify('sp1', second.secret)).toBe(true);
    expect(secrets.verify('sp2', first.secret)).toBe(false);
    for (let i = 2; i < MAX_SECRETS_PER_SP; i += 1) secrets.create('sp1');
    expect(() => secrets.create('sp1')).toThrow(/at most/u);
    expect(secrets.delete('sp1', first.record.id)).toBe(true);
    expect(secrets.verify('sp1', first.secret)).toBe(false);
  });

  it('rejects expired secrets', () => {
    const secrets = new ServicePrincipalSecrets();
    const { secret } = secrets.create('sp1', 10, 0);
    expect(secrets.verify('sp1', secret, 5_000)).toBe(true);
    expect(secrets.verify('sp1', secret, 10_000)).toBe(false);
  });
});
