import { describe, expect, it } from 'vitest';
import { matchUsers } from '../../../shared/users/match-users';
import { matchRows } from './match-view';
import { govUser, principal } from './users-view.test-support';

const DIRECTORY = [
  principal({ id: '1', type: 'user', name: 'siobhan.obrien@lakeside.example', displayName: "Siobhán O'Brien", emails: ['siobhan.obrien@lakeside.example'] }),
  principal({ id: '2', type: 'user', name: 'Zoe.Muller@lakeside.example', displayName: 'Zoë Müller (old)', emails: [] }),
  principal({ id: '3', type: 'user', name: 'zoe.muller@lakeside.example', displayName: 'Zoë Müller', emails: [] }),
  principal({ id: '4', type: 'user', name: 'gone@lakeside.example', displayName: 'Gone', active: false }),
  principal({ id: '5', type: 'group', name: 'data-analysts', displayName: 'data-analysts' }),
  principal({ id: '6', type: 'user', name: 'li.lei@lakeside.example', displayName: '李雷', emails: ['li.lei@lakeside.example'] }),
];

const USERS = [
  govUser({ id: 'u-zoe', userName: 'zoe.muller@lakeside.example', displayName: 'Zoë' }),
  govUser({ id: 'u-sio', emails: ['SIOBHAN.OBRIEN@lakeside.example'], displayName: 'Siobhán' }),
  govUser({ id: 'u-ghost', emails: ['ghost@example.com'] }),
  govUser({ id: 'u-gone', userName: 'gone@lakeside.example' }),
  govUser({ id: 'u-left', userName: 'li.lei@lakeside.example', active: false }),
  govUser({ id: 'g-analysts', kind: 'group', displayName: 'data-analysts' }),
];

describe('matchRows', () => {
  it('gives one row per governance user in the file order, then the orphans, each in its bucket', () => {
    const rows = matchRows(USERS, DIRECTORY, matchUsers(USERS, DIRECTORY, {}));
    expect(rows.map((r) => [r.key, r.bucket])).toEqual([
      ['u:u-zoe', 'ambiguous'],
      ['u:u-sio', 'matched'],
      ['u:u-ghost', 'unmatched'],
      ['u:u-gone', 'inactive'],
      ['u:u-left', 'inactive'],
      ['u:g-analysts', 'matched'],
      ['p:user:6', 'orphan'],
    ]);
    const [zoe, sio, ghost, gone, left, analysts, orphan] = rows;
    // Case-variant duplicates are ambiguous; the candidates carry what the picker shows.
    expect(zoe!.candidates).toEqual([
      { principal: 'Zoe.Muller@lakeside.example', principalType: 'user', displayName: 'Zoë Müller (old)', active: true },
      { principal: 'zoe.muller@lakeside.example', principalType: 'user', displayName: 'Zoë Müller', active: true },
    ]);
    expect(sio).toMatchObject({ principal: 'siobhan.obrien@lakeside.example', principalType: 'user', matchedBy: 'email', manual: false, email: 'SIOBHAN.OBRIEN@lakeside.example' });
    expect(ghost).toMatchObject({ principal: null, reason: expect.stringContaining('No Databricks user'), manual: false });
    expect(gone).toMatchObject({ principal: 'gone@lakeside.example', reason: 'gone@lakeside.example is deactivated in Databricks' });
    expect(left).toMatchObject({ principal: null, reason: 'Inactive in the governance product' });
    expect(analysts).toMatchObject({ kind: 'group', principal: 'data-analysts', matchedBy: 'displayName' });
    expect(orphan).toMatchObject({ id: null, displayName: '李雷', principal: 'li.lei@lakeside.example', email: 'li.lei@lakeside.example' });
  });

  it('marks manual choices: a chosen candidate is matched by hand, "no principal" is unmatched by hand', () => {
    const overrides = { 'u-zoe': 'zoe.muller@lakeside.example', 'u-sio': null };
    const rows = matchRows(USERS, DIRECTORY, matchUsers(USERS, DIRECTORY, overrides));
    expect(rows.find((r) => r.id === 'u-zoe')).toMatchObject({ bucket: 'matched', principal: 'zoe.muller@lakeside.example', matchedBy: 'manual', manual: true });
    expect(rows.find((r) => r.id === 'u-sio')).toMatchObject({ bucket: 'unmatched', manual: true });
    // The candidate left over and Siobhán's principal are now nobody's.
    expect(rows.filter((r) => r.bucket === 'orphan').map((r) => r.principal)).toEqual(['Zoe.Muller@lakeside.example', 'li.lei@lakeside.example', 'siobhan.obrien@lakeside.example']);
  });
});
