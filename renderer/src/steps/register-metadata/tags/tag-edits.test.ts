import { describe, expect, it } from 'vitest';
import { removeTag, setTag, tagRows } from './tag-edits';

describe('tag edits', () => {
  it('keeps one entry per object, setting and replacing keys in it', () => {
    let e = setTag([], ' main.sales.customers.email ', 'pii', 'email');
    e = setTag(e, 'main.sales.customers.email', 'class', 'restricted');
    e = setTag(e, 'main.sales', 'owner_team', '');
    e = setTag(e, 'main.sales.customers.email', 'pii', 'contact');
    expect(e).toEqual([
      { securable: 'main.sales.customers.email', tags: { pii: 'contact', class: 'restricted' } },
      { securable: 'main.sales', tags: { owner_team: '' } },
    ]);
    expect(tagRows(e)).toEqual([
      { securable: 'main.sales.customers.email', key: 'pii', value: 'contact' },
      { securable: 'main.sales.customers.email', key: 'class', value: 'restricted' },
      { securable: 'main.sales', key: 'owner_team', value: '' },
    ]);
  });

  it('removing the last key of an object drops the object', () => {
    const e = setTag(setTag([], 'a.b', 'x', '1'), 'a.b', 'y', '2');
    expect(removeTag(e, 'a.b', 'x')).toEqual([{ securable: 'a.b', tags: { y: '2' } }]);
    expect(removeTag(removeTag(e, 'a.b', 'x'), 'a.b', 'y')).toEqual([]);
    expect(removeTag(e, 'other', 'x')).toEqual(e);
  });
});
