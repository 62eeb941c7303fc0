import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DirectoryPrincipal } from './directory';
import type { GovernanceUser } from './governance-user';
import { matchUsers } from './match-users';
import { dbGroup, dbSp, dbUser, gov } from './users.test-support';

const APP = '6f1b2c3d-0000-4000-8000-00000000abcd';

describe('matchUsers — the cascade (issue 12 §3)', () => {
  const directory = [
    dbUser('1', 'alice@corp.com', { externalId: 'okta-1', emails: ['alice@corp.com', 'a.smith@corp.com'] }),
    dbUser('2', 'bob@corp.com'),
    dbUser('3', 'Carol@corp.com'),
    dbSp('4', APP),
    dbGroup('5', 'data-analysts'),
  ];

  it('records the rule that decided each match, in cascade order', () => {
    const r = matchUsers(
      [
        gov('a', { externalId: 'okta-1', userName: 'bob@corp.com' }),
        gov('b', { userName: 'BOB@corp.com', emails: ['alice@corp.com'] }),
        gov('c', { emails: ['nobody@x', 'carol@CORP.com'] }),
        gov('s', { kind: 'servicePrincipal', userName: APP.toUpperCase() }),
        gov('g', { kind: 'group', displayName: 'Data-Analysts' }),
      ],
      directory,
    );
    expect(r.matched.map((m) => [m.id, m.principal, m.principalType, m.matchedBy])).toEqual([
      ['a', 'alice@corp.com', 'user', 'externalId'],
      ['b', 'bob@corp.com', 'user', 'userName'],
      ['c', 'Carol@corp.com', 'user', 'email'],
      ['g', 'data-analysts', 'group', 'displayName'],
      ['s', APP, 'servicePrincipal', 'applicationId'],
    ]);
    expect(r.unmatched).toEqual([]);
    expect(r.orphans).toEqual([]);
  });

  it('matches any of the principal\u2019s emails, not only the primary', () => {
    expect(matchUsers([gov('x', { emails: ['A.Smith@corp.com'] })], directory).matched[0]).toMatchObject({ principal: 'alice@corp.com', matchedBy: 'email' });
  });

  it('an externalId is exact: a case variant does not match by it', () => {
    expect(matchUsers([gov('x', { externalId: 'OKTA-1' })], directory).unmatched).toEqual([{ id: 'x', code: 'notFound', reason: 'No Databricks user matches it' }]);
  });

  it('puts case-variant duplicates and several email owners in ambiguous, with sorted candidates', () => {
    const dup = [dbUser('1', 'dana@corp.com'), dbUser('2', 'Dana@corp.com'), dbUser('3', 'eve@corp.com', { emails: ['shared@corp.com'] }), dbUser('4', 'eve2@corp.com', { emails: ['shared@corp.com'] })];
    const r = matchUsers([gov('d', { userName: 'dana@corp.com' }), gov('e', { emails: ['shared@corp.com'] })], dup);
    expect(r.ambiguous).toEqual([
      { id: 'd', rule: 'userName', reason: '2 principals match by userName', candidates: [{ principal: 'Dana@corp.com', principalType: 'user', principalId: '2' }, { principal: 'dana@corp.com', principalType: 'user', principalId: '1' }] },
      { id: 'e', rule: 'email', reason: '2 principals match by email', candidates: [{ principal: 'eve2@corp.com', principalType: 'user', principalId: '4' }, { principal: 'eve@corp.com', principalType: 'user', principalId: '3' }] },
    ]);
    expect(r.orphans).toEqual([]);
  });

  it('two users reaching one principal are both ambiguous, unless a manual choice settles it', () => {
    const users = [gov('x', { userName: 'bob@corp.com' }), gov('y', { emails: ['bob@corp.com'] })];
    const r = matchUsers(users, directory);
    expect(r.matched).toEqual([]);
    expect(r.ambiguous.map((a) => [a.id, a.rule, a.reason])).toEqual([
      ['x', 'shared', '"bob@corp.com" also matches y'],
      ['y', 'shared', '"bob@corp.com" also matches x'],
    ]);
    const settled = matchUsers(users, directory, { y: 'bob@corp.com' });
    expect(settled.matched).toEqual([{ id: 'y', principal: 'bob@corp.com', principalType: 'user', principalId: '2', matchedBy: 'manual' }]);
    expect(settled.ambiguous.map((a) => a.id)).toEqual(['x']);
  });

  it('matches groups only among account groups, saying why a workspace-local one does not count', () => {
    const dir = [dbGroup('1', 'local-only', { accountGroup: false }), dbGroup('2', 'both', { accountGroup: false }), dbGroup('3', 'both')];
    const r = matchUsers([gov('l', { kind: 'group', displayName: 'local-only' }), gov('b', { kind: 'group', displayName: 'both' })], dir);
    expect(r.matched).toEqual([{ id: 'b', principal: 'both', principalType: 'group', principalId: '3', matchedBy: 'displayName' }]);
    expect(r.unmatched).toEqual([{ id: 'l', code: 'workspaceLocalGroup', reason: expect.stringContaining('workspace-local') }]);
  });

  it('a governance kind only matches principals of its type', () => {
    const r = matchUsers([gov('u', { userName: 'data-analysts' }), gov('g', { kind: 'group', displayName: 'bob@corp.com' })], directory);
    expect(r.unmatched.map((u) => u.id)).toEqual(['g', 'u']);
  });

  it('keeps inactive users on either side out of matched, and lists principals nobody maps to as orphans', () => {
    const dir = [...directory, dbUser('9', 'frank@corp.com', { active: false })];
    const r = matchUsers([gov('old', { userName: 'bob@corp.com', active: false }), gov('f', { userName: 'frank@corp.com' }), gov('n')], dir);
    expect(r.inactive).toEqual([
      { id: 'f', side: 'databricks', principal: 'frank@corp.com', principalType: 'user' },
      { id: 'old', side: 'governance' },
    ]);
    expect(r.unmatched).toEqual([{ id: 'n', code: 'noIdentifier', reason: expect.any(String) }]);
    expect(r.orphans.map((o) => [o.principalType, o.principal])).toEqual([
      ['group', 'data-analysts'],
      ['servicePrincipal', APP],
      ['user', 'Carol@corp.com'],
      ['user', 'alice@corp.com'],
      ['user', 'bob@corp.com'],
    ]);
  });

  it('applies overrides and records each outcome', () => {
    const r = matchUsers(
      [gov('a', { externalId: 'okta-1' }), gov('b'), gov('c', { userName: 'carol@corp.com' }), gov('d', { active: false })],
      directory,
      { a: null, b: 'BOB@corp.com', c: 'zed@corp.com', d: 'bob@corp.com', ghost: 'bob@corp.com' },
    );
    expect(r.matched).toEqual([{ id: 'b', principal: 'bob@corp.com', principalType: 'user', principalId: '2', matchedBy: 'manual' }]);
    expect(r.unmatched.map((u) => [u.id, u.code])).toEqual([
      ['a', 'excludedByOverride'],
      ['c', 'overrideNotFound'],
    ]);
    expect(r.overrides).toEqual([
      { id: 'a', principal: null, outcome: 'applied' },
      { id: 'b', principal: 'BOB@corp.com', outcome: 'applied' },
      { id: 'c', principal: 'zed@corp.com', outcome: 'notFound' },
      { id: 'd', principal: 'bob@corp.com', outcome: 'inactive' },
      { id: 'ghost', principal: 'bob@corp.com', outcome: 'unknownId' },
    ]);
  });

  it('an override prefers the exact name over case variants', () => {
    const dir = [dbUser('1', 'dana@corp.com'), dbUser('2', 'Dana@corp.com')];
    expect(matchUsers([gov('d')], dir, { d: 'Dana@corp.com' }).matched[0]).toMatchObject({ principalId: '2', matchedBy: 'manual' });
    expect(matchUsers([gov('d')], dir, { d: 'DANA@corp.com' }).ambiguous[0]).toMatchObject({ rule: 'manual' });
  });
});

describe('matchUsers — properties', () => {
  const names = ['ann', 'Ann', 'bo', 'cy', 'dee', 'eli'];
  const name = fc.constantFrom(...names);
  const principal = fc.oneof(
    fc.record({ n: name, ext: fc.option(fc.constantFrom('e1', 'e2', 'E1'), { nil: undefined }), mail: fc.subarray(names), active: fc.boolean() }).map((r) => ({ t: 'user' as const, ...r })),
    fc.record({ n: name, account: fc.boolean() }).map((r) => ({ t: 'group' as const, ...r })),
    fc.record({ n: name }).map((r) => ({ t: 'sp' as const, ...r })),
  );
  const directory = fc.array(principal, { maxLength: 12 }).map((list) =>
    list.map((p, i): DirectoryPrincipal => {
      const id = `p${i}`;
      if (p.t === 'user') return dbUser(id, `${p.n}@x`, { externalId: p.ext, emails: p.mail.map((m) => `${m}@x`), active: p.active });
      if (p.t === 'group') return dbGroup(id, p.n, { accountGroup: p.account });
      return dbSp(id, p.n);
    }),
  );
  const users = fc.uniqueArray(
    fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'),
      kind: fc.constantFrom('user', 'group', 'servicePrincipal') as fc.Arbitrary<GovernanceUser['kind']>,
      userName: fc.option(name.map((n) => `${n}@X`), { nil: undefined }),
      externalId: fc.option(fc.constantFrom('e1', 'e2'), { nil: undefined }),
      displayName: fc.option(name, { nil: undefined }),
      mail: fc.subarray(names),
      active: fc.boolean(),
    }).map((r): GovernanceUser => gov(r.id, { kind: r.kind, userName: r.userName, externalId: r.externalId, displayName: r.displayName, emails: r.mail.map((m) => `${m}@x`), active: r.active })),
    { selector: (u) => u.id, maxLength: 7 },
  );
  const overrides = fc.dictionary(fc.constantFrom('a', 'b', 'z'), fc.option(fc.constantFrom('ann@x', 'bo', 'cy@x'), { nil: null }));

  it('is deterministic and independent of input order', () => {
    fc.assert(
      fc.property(users, directory, overrides, fc.nat(), (u, d, o, seed) => {
        const shuffle = <T>(list: readonly T[]) => [...list].map((x, i) => ({ x, k: (i * 7919 + seed) % 104729 })).sort((a, b) => a.k - b.k).map((e) => e.x);
        const first = matchUsers(u, d, o);
        expect(matchUsers(u, d, o)).toEqual(first);
        expect(matchUsers(shuffle(u), shuffle(d), o)).toEqual(first);
        expect(matchUsers([...u].reverse(), [...d].reverse(), o)).toEqual(first);
      }),
      { numRuns: 500 },
    );
  });

  it('puts every user in exactly one bucket, maps no principal twice, and every principal is matched, a candidate or an orphan', () => {
    fc.assert(
      fc.property(users, directory, overrides, (u, d, o) => {
        const r = matchUsers(u, d, o);
        const placed = [...r.matched, ...r.unmatched, ...r.ambiguous, ...r.inactive].map((x) => x.id).sort();
        expect(placed).toEqual(u.map((x) => x.id).sort());
        expect(new Set(r.matched.map((m) => m.principalId)).size).toBe(r.matched.length);
        const inactiveDb = r.inactive.filter((i) => i.side === 'databricks').length;
        const seen = new Set([...r.matched.map((m) => m.principalId), ...r.ambiguous.flatMap((a) => a.candidates.map((c) => c.principalId)), ...r.orphans.map((x) => x.principalId)]);
        expect(seen.size + inactiveDb).toBeGreaterThanOrEqual(d.length);
        for (const m of r.matched) expect(d.find((p) => p.id === m.principalId)?.active).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
