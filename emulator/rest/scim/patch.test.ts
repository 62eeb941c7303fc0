import { describe, expect, it } from 'vitest';
import { applyPatch, PatchError } from './patch';

const schema = { attributes: ['displayName', 'active', 'name', 'members', 'emails'], multiValued: ['members', 'emails'] };
const group = { displayName: 'data-analysts', active: true, name: { givenName: 'a' }, members: [{ value: '1' }, { value: '2' }], emails: [] };
const ops = (...Operations: unknown[]) => ({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations });

describe('applyPatch', () => {
  it('adds members without duplicates and removes them by filter or by value', () => {
    let d = applyPatch(group, ops({ op: 'add', path: 'members', value: [{ value: '2' }, { value: '3' }] }), schema);
    expect(d.members).toEqual([{ value: '1' }, { value: '2' }, { value: '3' }]);
    d = applyPatch(d, ops({ op: 'remove', path: 'members[value eq "1"]' }), schema);
    expect(d.members).toEqual([{ value: '2' }, { value: '3' }]);
    d = applyPatch(d, ops({ op: 'Remove', path: 'members', value: [{ value: '3' }] }), schema);
    expect(d.members).toEqual([{ value: '2' }]);
  });

  it('replaces single attributes, sub-attributes, URN-prefixed paths and path-less objects', () => {
    const d = applyPatch(
      group,
      ops(
        { op: 'replace', path: 'active', value: false },
        { op: 'replace', path: 'urn:ietf:params:scim:schemas:core:2.0:User:name.givenName', value: 'Siobhán' },
        { op: 'replace', value: { DISPLAYNAME: "O'Brien team" } },
      ),
      schema,
    );
    expect(d).toMatchObject({ active: false, name: { givenName: 'Siobhán' }, displayName: "O'Brien team" });
    expect(group.active).toBe(true);
  });

  it.each([
    [{ Operations: [] }, 'invalidSyntax'],
    [{ Operations: 'x' }, 'invalidSyntax'],
    [ops({ op: 'move', path: 'active' }), 'invalidSyntax'],
    [ops({ op: 'remove' }), 'noTarget'],
    [ops({ op: 'replace', path: 'id', value: '9' }), 'invalidPath'],
    [ops({ op: 'replace', path: 'members[value eq ', value: 1 }), 'invalidPath'],
    [ops({ op: 'remove', path: 'members[value eq "nobody"]' }), 'noTarget'],
    [ops({ op: 'add', value: 'not an object' }), 'invalidValue'],
  ])('refuses %j with %s', (body, scimType) => {
    try {
      applyPatch(group, body, schema);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PatchError);
      expect((error as PatchError).scimType).toBe(scimType);
    }
  });
});
