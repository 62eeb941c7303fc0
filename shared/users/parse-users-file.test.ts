import { describe, expect, it } from 'vitest';
import { detectFormat, MAX_PROBLEMS, parseUsersFile } from './parse-users-file';

const csv = (...lines: string[]) => lines.join('\n');

describe('parseUsersFile — CSV (RFC 4180, header row)', () => {
  it('reads the known columns and keeps every other column as an attribute (empty = absent)', () => {
    const r = parseUsersFile(csv('id,email,userName,externalId,displayName,active,kind,region,cost_center', 'u1,a@x.com,alice@x.com,ext-1,Alice,true,user,EU,', 'g1,,,,Analysts,,group,,CC-1'));
    expect(r).toEqual({
      ok: true,
      users: [
        { id: 'u1', emails: ['a@x.com'], userName: 'alice@x.com', externalId: 'ext-1', displayName: 'Alice', active: true, kind: 'user', attributes: { region: 'EU' } },
        { id: 'g1', emails: [], displayName: 'Analysts', active: true, kind: 'group', attributes: { cost_center: 'CC-1' } },
      ],
    });
  });

  it('handles quoted cells with commas, doubled quotes and line breaks, CRLF and a BOM', () => {
    const r = parseUsersFile('\uFEFFid,displayName,note\r\nu1,"Doe, ""J""","two\r\nlines"\r\n');
    expect(r.ok && r.users[0]).toMatchObject({ id: 'u1', displayName: 'Doe, "J"', attributes: { note: 'two\r\nlines' } });
  });

  it('accepts several emails in one cell, kinds and active in any case, and trims cells', () => {
    const r = parseUsersFile(csv('ID,Email,Active,Kind', ' sp1 , a@x.com; b@x.com ,FALSE,ServicePrincipal'));
    expect(r.ok && r.users[0]).toMatchObject({ id: 'sp1', emails: ['a@x.com', 'b@x.com'], active: false, kind: 'servicePrincipal' });
  });

  it('names the line of every bad row, counting lines inside quoted cells, and returns no users', () => {
    const r = parseUsersFile(csv('id,active,kind,note', 'u1,true,user,"multi', 'line"', 'u2,maybe,user,', ',true,user,', 'u1,true,robot,', 'u3,true'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      { line: 4, message: '"active" must be true or false, not "maybe"' },
      { line: 5, message: '"id" is empty (every row needs a unique id)' },
      { line: 6, message: '"kind" must be one of user, group, servicePrincipal, not "robot"' },
      { line: 7, message: 'The row has 2 cells; the header has 4 columns' },
    ]);
  });

  it('refuses duplicate ids, naming the first line', () => {
    const r = parseUsersFile(csv('id', 'u1', '', 'u1'));
    expect(r).toEqual({ ok: false, problems: [{ line: 4, message: 'id "u1" is already used on line 2' }] });
  });

  it('refuses a header without id, with duplicate or empty column names, an empty file and an open quote', () => {
    expect(parseUsersFile('email\na@x')).toMatchObject({ ok: false, problems: [{ line: 1, message: 'The header row has no "id" column' }] });
    expect(parseUsersFile('id,Email,email\n1,a,b')).toMatchObject({ ok: false, problems: [{ line: 1, message: 'Column "email" appears twice in the header row' }] });
    expect(parseUsersFile('id,,x\n1,a,b')).toMatchObject({ ok: false, problems: [{ line: 1, message: 'A column has an empty name in the header row' }] });
    expect(parseUsersFile('')).toMatchObject({ ok: false, problems: [{ line: 1 }] });
    const open = parseUsersFile('id,note\nu1,ok\nu2,"never closed\n');
    expect(open.ok).toBe(false);
    expect(!open.ok && open.problems[0]).toMatchObject({ line: 3, message: expect.stringContaining('Quoted field unterminated') });
  });

  it('summarises beyond MAX_PROBLEMS problems', () => {
    const rows = Array.from({ length: MAX_PROBLEMS + 5 }, () => ',');
    const r = parseUsersFile(['id,x', ...rows].join('\n'));
    expect(!r.ok && r.problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(!r.ok && r.problems.at(-1)!.message).toBe('… and 5 more problems');
  });
});

describe('parseUsersFile — JSON (array of objects)', () => {
  it('reads objects, converting numbers and booleans, with email as a string or a list', () => {
    const r = parseUsersFile(JSON.stringify([{ id: 'u1', email: ['a@x', 'b@x'], active: false, level: 3, vip: true, gone: null, empty: '' }, { id: 2, email: 'c@x' }]));
    expect(r).toEqual({
      ok: true,
      users: [
        { id: 'u1', emails: ['a@x', 'b@x'], active: false, kind: 'user', attributes: { level: '3', vip: 'true' } },
        { id: '2', emails: ['c@x'], active: true, kind: 'user', attributes: {} },
      ],
    });
  });

  it('names the line each bad element starts on', () => {
    const text = '[\n  {"id": "u1"},\n  {\n    "id": "u1",\n    "nested": {"a": [1, "]"]}\n  },\n  "text",\n  {"kind": "robot", "id": "u9"}\n]';
    const r = parseUsersFile(text, 'json');
    expect(r).toEqual({
      ok: false,
      problems: [
        { line: 3, message: '"nested" must be a string, number, boolean or (for "email") a list of strings' },
        { line: 3, message: 'id "u1" is already used on line 2' },
        { line: 7, message: 'Element 3 is not an object' },
        { line: 8, message: '"kind" must be one of user, group, servicePrincipal, not "robot"' },
      ],
    });
  });

  it('reports a syntax error and a non-array with a line', () => {
    const bad = parseUsersFile('[\n{"id": "u1"},\n{"id": }\n]', 'json');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems[0]!.message).toMatch(/^Not valid JSON/);
    expect(parseUsersFile('{"id": "u1"}', 'json')).toEqual({ ok: false, problems: [{ line: 1, message: 'The JSON file must be an array of user objects' }] });
  });

  it('detects the format from the file name, else from the first character', () => {
    expect(detectFormat('id\n1', 'users.JSON')).toBe('json');
    expect(detectFormat('[]', 'users.csv')).toBe('csv');
    expect(detectFormat('  [ ]')).toBe('json');
    expect(detectFormat('id,email')).toBe('csv');
  });
});
