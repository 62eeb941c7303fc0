import { describe, expect, it } from 'vitest';
import { displaySql } from './display-sql';
import { quoteIdent, quoteLiteral } from './quote';

describe('displaySql', () => {
  it('keeps the layout of a statement and shows plain SQL unchanged', () => {
    const sql = "CREATE FUNCTION `c`.`s`.`mask`(v STRING)\nRETURNS STRING\nRETURN CASE WHEN is_account_group_member('x') THEN v ELSE '***' END";
    expect(displaySql(sql)).toBe(sql);
  });

  it('shows a line break inside a quoted name or a comment as \\u000a, and escapes control and bidi characters everywhere', () => {
    const hostile = 'sales`\n  2. [unchanged] nothing to see\u202e';
    const shown = displaySql(`GRANT MANAGE ON SCHEMA ${quoteIdent('main')}.${quoteIdent(hostile)} TO ${quoteIdent('sp')}`);
    expect(shown.split('\n')).toHaveLength(1);
    expect(shown).toBe('GRANT MANAGE ON SCHEMA `main`.`sales``\\u000a  2. [unchanged] nothing to see\\u202e` TO `sp`');
    expect(displaySql("-- about \u001b[2J x\nSELECT 1")).toBe('-- about \\u001b[2J x\nSELECT 1');
    expect(displaySql(`SELECT ${quoteLiteral('a\u0085b')}`)).toBe("SELECT 'a\\u0085b'");
    expect(displaySql("SELECT \"x\ny\"")).toBe('SELECT "x\\u000ay"');
  });

  it('keeps the line breaks between quoted names, after a backslash in a name and around comments', () => {
    for (const sql of [
      'SELECT `a`\nFROM `t`\nWHERE x',
      'SELECT `x```\nFROM t',
      'SELECT `a\\`\nFROM t',
      "-- it's a note\nSELECT 1\n-- and 'another'\nSELECT 2",
      "SELECT 1 -- it's the last line",
      "SELECT 'a'\nFROM t",
    ]) {
      expect(displaySql(sql)).toBe(sql);
    }
  });

  it('reads a single minus as a minus, and a comment only to the end of its line', () => {
    expect(displaySql("SELECT a - 'x\ny'")).toBe("SELECT a - 'x\\u000ay'");
    expect(displaySql("-- note\nSELECT 'a\nb'")).toBe("-- note\nSELECT 'a\\u000ab'");
  });

  it('handles an escaped quote in a literal and an unterminated quote', () => {
    expect(displaySql("SELECT 'it\\'s\n' AS a\nFROM t")).toBe("SELECT 'it\\'s\\u000a' AS a\nFROM t");
    expect(displaySql('SELECT `open\nname')).toBe('SELECT `open\\u000aname');
  });
});
