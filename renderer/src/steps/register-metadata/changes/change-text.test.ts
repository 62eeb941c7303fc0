import { describe, expect, it } from 'vitest';
import type { Change } from '../../../../../shared/metadata/diff';
import { changeGroup, changeText } from './change-text';

describe('changeText and changeGroup', () => {
  const cases: readonly [Change, string, ReturnType<typeof changeGroup>][] = [
    [{ kind: 'column-added', column: 'note', type: 'string' }, 'Column note added (string)', 'columns'],
    [{ kind: 'column-dropped', column: 'fax', type: 'string' }, 'Column fax dropped (was string)', 'columns'],
    [{ kind: 'column-moved', column: 'id', from: 1, to: 2 }, 'Column id moved from position 1 to 2', 'columns'],
    [{ kind: 'column-type', column: 'amount', from: 'int', to: 'bigint' }, 'Column amount: type int → bigint', 'types'],
    [{ kind: 'tag-set', column: 'email', key: 'pii', from: null, to: 'email' }, 'Tag pii=email added on column email', 'tags'],
    [{ kind: 'tag-set', column: null, key: 'tier', from: 'gold', to: 'silver' }, 'Tag tier on the table: gold → silver', 'tags'],
    [{ kind: 'tag-removed', column: null, key: 'tier', from: 'gold' }, 'Tag tier=gold removed on the table', 'tags'],
    [{ kind: 'column-mask', column: 'email', from: null, to: 'gov.mask_email' }, 'Mask on column email: none → gov.mask_email', 'table'],
    [{ kind: 'row-filter', from: 'f', to: null }, 'Row filter: f → none', 'table'],
    [{ kind: 'owner', from: 'a', to: 'b' }, 'Owner: a → b', 'table'],
    [{ kind: 'comment', from: null, to: 'x' }, 'Comment: none → x', 'table'],
    [{ kind: 'table-type', from: 'MANAGED', to: 'VIEW' }, 'Type: MANAGED → VIEW', 'table'],
  ];
  it.each(cases)('%o', (change, text, group) => {
    expect(changeText(change)).toBe(text);
    expect(changeGroup(change)).toBe(group);
  });
});
