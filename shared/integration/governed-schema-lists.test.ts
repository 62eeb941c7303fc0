import { describe, expect, it } from 'vitest';
import { schemaListProblem } from './governed-schema-lists';

/** The refusal when an offline export lacks a schema list: it names the catalogs and the exact field to add. */
describe('schemaListProblem', () => {
  it('one catalog: singular, the field to paste, the SHOW SCHEMAS to run', () => {
    expect(schemaListProblem(['hr'])).toEqual({
      message: 'The config lists no schemas for governed catalog hr: with "manageScope": "schema" the service principal gets MANAGE on each schema, so the script needs them.',
      hint: 'Add "governedSchemas":{"hr":["<schema>","\u2026"]} to the config file with every schema of each catalog except information_schema (SHOW SCHEMAS IN `hr` lists them), then export again; or use "manageScope": "catalog", which needs no list.',
    });
  });

  it('several catalogs: plural, each in the field and its own quoted SHOW SCHEMAS', () => {
    const p = schemaListProblem(['hr', 'raw-zone']);
    expect(p.message).toMatch(/^The config lists no schemas for governed catalogs hr, raw-zone: /);
    expect(p.hint).toContain('Add "governedSchemas":{"hr":["<schema>","\u2026"],"raw-zone":["<schema>","\u2026"]} to the config file');
    expect(p.hint).toContain('(SHOW SCHEMAS IN `hr`; SHOW SCHEMAS IN `raw-zone` lists them)');
  });
});
