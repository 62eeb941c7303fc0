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
});
