import { describe, expect, it } from 'vitest';
import { DIRECT_GRANT_PREDICATE, directGrantsSql, normalizePrivilege, showGrantsSql } from './privilege-reads';
import { directShowGrants, parseGrantRow, parseShowGrantsRow } from './privilege-rows';

describe('direct grants from the privilege views', () => {
  it("treats 'NONE' (documented) and NULL alike as direct", () => {
    expect(DIRECT_GRANT_PREDICATE).toBe("coalesce(inherited_from, 'NONE') = 'NONE'");
  });

  it('builds one statement per securable kind, names aliased name_1…, every literal quoted', () => {
    expect(directGrantsSql({ on: 'SCHEMA', grantees: ["o'brien@x.example", 'sp-1'], catalogs: ['hr'] })).toBe(
      "SELECT grantee, catalog_name AS name_1, schema_name AS name_2, privilege_type FROM system.information_schema.schema_privileges WHERE coalesce(inherited_from, 'NONE') = 'NONE' AND grantee IN ('o\\'brien@x.example', 'sp-1') AND catalog_name IN ('hr')",
    );
    expect(directGrantsSql({ on: 'FUNCTION' })).toBe(
      "SELECT grantee, specific_catalog AS name_1, specific_schema AS name_2, specific_name AS name_3, privilege_type FROM system.information_schema.routine_privileges WHERE coalesce(inherited_from, 'NONE') = 'NONE'",
    );
    expect(directGrantsSql({ on: 'VOLUME', catalogs: [] })).toContain('FROM system.information_schema.volume_privileges WHERE coalesce(inherited_from, \'NONE\') = \'NONE\' AND FALSE');
  });

  it('parses view rows into SQL spelling', () => {
    expect(parseGrantRow({ grantee: 'g', name_1: 'c', name_2: 's', name_3: null, privilege_type: 'USE_SCHEMA' })).toEqual({ grantee: 'g', name: ['c', 's'], privilege: 'USE SCHEMA' });
    expect(() => parseGrantRow({ grantee: 'g' })).toThrow();
  });
});

describe('SHOW GRANTS', () => {
  it('quotes the principal and every name part', () => {
    expect(showGrantsSql('a`b@x.example', 'SCHEMA', ['c', "s'1"])).toBe("SHOW GRANTS `a``b@x.example` ON SCHEMA `c`.`s'1`");
    expect(showGrantsSql(null, 'VOLUME', ['c', 's', 'v'])).toBe('SHOW GRANTS ON VOLUME `c`.`s`.`v`');
  });

  it('reads headers in any capitalisation and keeps only the rows on the securable itself', () => {
    const rows = [
      { Principal: 'SP-1', ActionType: 'USE_SCHEMA', ObjectType: 'SCHEMA', ObjectKey: 'c.s' },
      { principal: 'sp-1', actionType: 'USE CATALOG', objectType: 'CATALOG', objectKey: 'c' },
      { principal: 'other', actionType: 'MANAGE', objectType: 'SCHEMA', objectKey: 'c.s' },
      { principal: 'other', actionType: 'SELECT', objectType: 'SCHEMA', objectKey: 'c.s' },
      { principal: 'sp-1', actionType: 'MODIFY' },
      { principal: 'sp-1', actionType: 'MANAGE', objectType: 'DATABASE', objectKey: 'c.s' },
    ];
    expect(parseShowGrantsRow(rows[0])).toEqual({ principal: 'SP-1', privilege: 'USE SCHEMA', objectType: 'SCHEMA', objectKey: 'c.s' });
    expect(directShowGrants(rows, 'SCHEMA', 'sp-1')).toEqual(['USE SCHEMA', 'MANAGE']);
    expect(directShowGrants(rows, 'CATALOG', 'sp-1')).toEqual(['USE CATALOG']);
  });

  it('reads a missing or non-text objectType or objectKey as absent', () => {
    expect(parseShowGrantsRow({ principal: 'a', actionType: 'SELECT' })).toEqual({ principal: 'a', privilege: 'SELECT', objectType: null, objectKey: null });
    expect(parseShowGrantsRow({ principal: 'a', actionType: 'SELECT', objectType: 7, objectKey: { k: 1 } })).toEqual({
      principal: 'a',
      privilege: 'SELECT',
      objectType: null,
      objectKey: null,
    });
  });

  it('normalises privilege spellings to one', () => {
    expect(['USE_CATALOG', 'use catalog', ' ALL  PRIVILEGES '].map(normalizePrivilege)).toEqual(['USE CATALOG', 'USE CATALOG', 'ALL PRIVILEGES']);
  });
});
