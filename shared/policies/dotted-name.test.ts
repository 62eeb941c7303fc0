import { describe, expect, it } from 'vitest';
import { joinDottedName, splitDottedName } from './dotted-name';

/** Dotted names in a policy file, with backtick-quoted parts as in Databricks SQL. */
describe('dotted names', () => {
  it('split on dots, with quoted parts holding dots and doubled backticks', () => {
    expect(splitDottedName('main.sales.customers')).toEqual({ parts: ['main', 'sales', 'customers'] });
    expect(splitDottedName('main.`a.b`.`c``d`')).toEqual({ parts: ['main', 'a.b', 'c`d'] });
    expect(splitDottedName('`main`')).toEqual({ parts: ['main'] });
  });

  it('refuse empty parts, including a trailing dot and an empty name', () => {
    expect(splitDottedName('main.')).toEqual({ problem: 'a part of the name is empty' });
    expect(splitDottedName('')).toEqual({ problem: 'a part of the name is empty' });
    expect(splitDottedName('main..t')).toEqual({ problem: 'a part of the name is empty' });
  });

  it('refuse a stray or unclosed backtick, saying which', () => {
    expect(splitDottedName('`main')).toEqual({ problem: 'a backtick-quoted part is not closed' });
    expect(splitDottedName('`ma`in.t')).toEqual({ problem: 'a backtick-quoted part must be followed by a dot or the end' });
    expect(splitDottedName('ma`in.t')).toEqual({ problem: 'a backtick may only start or end a quoted part' });
  });

  it('join back, quoting only the parts that need it', () => {
    expect(joinDottedName(['main', 'a.b', 'c`d'])).toBe('main.`a.b`.`c``d`');
  });
});
