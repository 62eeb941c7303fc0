import { describe, expect, it } from 'vitest';
import { parseStatement } from './statement';

describe('statement parser', () => {
  it('parses the DDL the wizard writes', () => {
    expect(parseStatement("CREATE CATALOG IF NOT EXISTS `ucbridge` COMMENT 'x' MANAGED LOCATION 's3://b/p'")).toMatchObject({ type: 'create-catalog', name: 'ucbridge', ifNotExists: true, comment: 'x' });
    expect(parseStatement('CREATE SCHEMA c.s WITH DBPROPERTIES (a = "b")')).toMatchObject({ type: 'create-schema', name: ['c', 's'], properties: { a: 'b' } });
    expect(parseStatement('CREATE OR REPLACE TABLE c.s.t (a DECIMAL(10, 2) NOT NULL COMMENT \'amt\', b ARRAY<STRUCT<x: INT>> MASK c.s.m USING COLUMNS (a, \'k\')) USING delta WITH ROW FILTER c.s.f ON (a)')).toMatchObject({
      type: 'create-table', orReplace: true,
      columns: [
        { name: 'a', typeText: 'decimal(10,2)', nullable: false, comment: 'amt', mask: null },
        { name: 'b', typeText: 'array<struct<x:int>>', mask: { fn: ['c', 's', 'm'], using: [{ kind: 'column', name: 'a' }, { kind: 'literal', sql: "'k'" }] } },
      ],
      rowFilter: { fn: ['c', 's', 'f'], args: [{ kind: 'column', name: 'a' }] },
    });
    expect(parseStatement('CREATE FUNCTION f(x STRING DEFAULT \'a\', y INT) RETURNS BOOLEAN NOT DETERMINISTIC COMMENT \'c\' RETURN x = \'a\' AND y > 1')).toMatchObject({
      type: 'create-function', returnType: 'boolean', deterministic: false, body: "x = 'a' AND y > 1", params: [{ name: 'x', defaultSql: "'a'" }, { name: 'y', typeText: 'int' }],
    });
    expect(parseStatement('DROP SCHEMA IF EXISTS c.s CASCADE')).toEqual({ type: 'drop', kind: 'SCHEMA', name: ['c', 's'], ifExists: true, cascade: true });
  });

  it('parses grants, ownership, policies and tags', () => {
    expect(parseStatement('GRANT USE CATALOG, SELECT ON CATALOG c TO `data-analysts`')).toEqual({ type: 'grant', privileges: ['USE CATALOG', 'SELECT'], securable: { kind: 'CATALOG', name: ['c'] }, principal: 'data-analysts' });
    expect(parseStatement('REVOKE ALL PRIVILEGES ON TABLE c.s.t FROM `a@b.c`')).toMatchObject({ type: 'revoke', privileges: 'ALL', securable: { kind: 'TABLE' } });
    expect(parseStatement('SHOW GRANTS `x` ON METASTORE')).toEqual({ type: 'show-grants', principal: 'x', securable: { kind: 'METASTORE' } });
    expect(parseStatement('ALTER CATALOG c OWNER TO `g`')).toMatchObject({ type: 'set-owner', principal: 'g' });
    expect(parseStatement('ALTER TABLE t ALTER COLUMN `c d` SET MASK m USING COLUMNS (x)')).toMatchObject({ type: 'set-mask', column: 'c d', fn: ['m'] });
    expect(parseStatement("ALTER TABLE t ALTER COLUMN c SET TAGS ('pii' = 'email', 'flag')")).toMatchObject({ type: 'set-tags', column: 'c', tags: [['pii', 'email'], ['flag', '']] });
    expect(parseStatement('SET TAG ON COLUMN c.s.t.col pii = email')).toMatchObject({ type: 'set-tags', column: 'col', securable: { kind: 'TABLE', name: ['c', 's', 't'] }, strict: true });
    expect(parseStatement('UNSET TAG ON SCHEMA c.s pii')).toMatchObject({ type: 'unset-tags', tags: [['pii', '']], strict: true });
  });

  it('keeps queries and DML as token ranges for the rewriter', () => {
    expect(parseStatement('WITH x AS (SELECT 1) SELECT * FROM x;')).toMatchObject({ type: 'query' });
    expect(parseStatement('INSERT INTO t (a, b) SELECT 1, 2')).toMatchObject({ type: 'insert', target: ['t'], columns: ['a', 'b'] });
    expect(parseStatement('INSERT INTO t (SELECT 1)')).toMatchObject({ type: 'insert', columns: null });
    expect(parseStatement('UPDATE c.s.t x SET a = 1 WHERE b')).toMatchObject({ type: 'update', target: ['c', 's', 't'], alias: 'x' });
    expect(parseStatement('MERGE INTO t USING s ON t.a = s.a WHEN MATCHED THEN DELETE')).toMatchObject({ type: 'merge', alias: null });
  });

  it('turns anything else into PARSE_SYNTAX_ERROR naming where it stopped', () => {
    expect(() => parseStatement('GRANT SELECT ON TABLE t')).toThrow(/Syntax error at or near end of input/);
    expect(() => parseStatement('FROBNICATE everything')).toThrow(/Syntax error at or near 'FROBNICATE'/);
    expect(() => parseStatement('CREATE FUNCTION f() RETURNS INT LANGUAGE PYTHON AS $$ return 1 $$')).toThrow(/not supported/);
  });
});
