import { describe, expect, it } from 'vitest';
import { parsePolicyFile } from './policy-file';

/** How a policy file is read: YAML when the user says so, and problems labelled by position when a policy has no name. */
describe('reading a policy file', () => {
  it('reads YAML as YAML when asked, even a flow mapping that is not JSON', () => {
    expect(parsePolicyFile('{policies: []}', 'yaml')).toEqual({ ok: true, value: { policies: [], columnTypes: {} } });
    // Left to guess, a file starting with "{" is read as JSON, whose parser names the problem.
    expect(parsePolicyFile('{policies: []}', 'auto')).toEqual({ ok: false, problems: [expect.stringMatching(/^The policy file is not valid JSON: /)] });
  });

  it('labels a policy with an empty name by its position', () => {
    const r = parsePolicyFile(JSON.stringify({ policies: [{ name: '', type: 'grant', privileges: ['SELECT'], securable: 'main', principals: ['x'] }] }), 'json');
    expect(r).toEqual({ ok: false, problems: ['policy #1: field "name" is empty'] });
  });

  it('labels a policy whose name is a list, not text, by its position too', () => {
    // A list has a length: only the text check keeps ["ops"] from labelling the policy "ops".
    const r = parsePolicyFile(JSON.stringify({ policies: [{ name: ['ops'], type: 'grant', privileges: ['SELECT'], securable: 'main', principals: ['x'] }] }), 'json');
    expect(r).toEqual({ ok: false, problems: ['policy #1: field "name" must be a string'] });
  });

  it('says how many dot-separated parts a name may have, each allowed count joined by "or"', () => {
    const r = parsePolicyFile(
      JSON.stringify({
        policies: [
          { name: 'g', type: 'grant', privileges: ['SELECT'], securable: 'a.b.c.d', principals: ['x'] },
          { name: 't', type: 'columnMask', method: 'redact', tag: { key: 'pii' }, scope: 'a.b.c' },
        ],
      }),
      'json',
    );
    expect(r).toEqual({
      ok: false,
      problems: [
        'policy "g" (#1): field "securable" "a.b.c.d" is not a catalog, schema, table or volume name (expected 1 or 2 or 3 dot-separated parts)',
        'policy "t" (#2): field "scope" "a.b.c" is not a catalog or schema name (expected 1 or 2 dot-separated parts)',
      ],
    });
  });
});
