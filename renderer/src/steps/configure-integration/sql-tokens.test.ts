import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenizeSql } from './sql-tokens';

const kinds = (sql: string) => tokenizeSql(sql).filter((t) => t.kind !== 'space').map((t) => [t.kind, t.text]);

describe('tokenizeSql', () => {
  it('tells keywords, quoted names, literals and punctuation apart', () => {
    expect(kinds("CREATE CATALOG IF NOT EXISTS `ucbridge` COMMENT 'Governed by ucbridge'")).toEqual([
      ['keyword', 'CREATE'],
      ['keyword', 'CATALOG'],
      ['keyword', 'IF'],
      ['keyword', 'NOT'],
      ['keyword', 'EXISTS'],
      ['identifier', '`ucbridge`'],
      ['keyword', 'COMMENT'],
      ['string', "'Governed by ucbridge'"],
    ]);
    expect(kinds('GRANT USE CATALOG ON CATALOG `sales` TO `1f0e…`;')).toContainEqual(['punctuation', ';']);
  });

  it('keeps a hostile name inside one quoted identifier and an escaped quote inside one literal', () => {
    expect(kinds('GRANT SELECT ON CATALOG `x``; DROP CATALOG y; --` TO `a`')).toEqual([
      ['keyword', 'GRANT'],
      ['keyword', 'SELECT'],
      ['keyword', 'ON'],
      ['keyword', 'CATALOG'],
      ['identifier', '`x``; DROP CATALOG y; --`'],
      ['keyword', 'TO'],
      ['identifier', '`a`'],
    ]);
    expect(kinds("COMMENT 'it\\'s -- not a comment'")).toEqual([
      ['keyword', 'COMMENT'],
      ['string', "'it\\'s -- not a comment'"],
    ]);
  });

  it('finds line and block comments, numbers and plain words (case-insensitive keywords)', () => {
    expect(kinds('-- purpose\nselect 1.5 /* note */ from t')).toEqual([
      ['comment', '-- purpose'],
      ['keyword', 'select'],
      ['number', '1.5'],
      ['comment', '/* note */'],
      ['keyword', 'from'],
      ['word', 't'],
    ]);
  });

  it('never loses or changes a character, whatever the input (unterminated quotes included)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), (sql) =>
        tokenizeSql(sql)
          .map((t) => t.text)
          .join('') === sql,
      ),
    );
    expect(tokenizeSql("SELECT 'open").map((t) => t.kind)).toEqual(['keyword', 'space', 'string']);
  });
});
