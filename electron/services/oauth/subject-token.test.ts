import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureOf } from '../../../test/failure-of';
import { describeSource, readSubjectToken } from './subject-token';

const NOW = Date.UTC(2026, 0, 1);
const jwt = (claims: object) => `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2ln`;
const fresh = jwt({ sub: 'ci', exp: NOW / 1000 + 600 });
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ucbridge-idp-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('the identity provider token for federation', () => {
  it('reads a JWT from a variable or a file, trimmed, each time', async () => {
    expect(await readSubjectToken({ kind: 'env', name: 'IDP_TOKEN' }, NOW, { IDP_TOKEN: ` ${fresh}\n` })).toBe(fresh);
    const path = join(dir, 'token');
    await writeFile(path, `${fresh}\n`);
    expect(await readSubjectToken({ kind: 'file', path }, NOW)).toBe(fresh);
    const rotated = jwt({ sub: 'ci', exp: NOW / 1000 + 900 });
    await writeFile(path, rotated);
    expect(await readSubjectToken({ kind: 'file', path }, NOW)).toBe(rotated);
    // Without exp it is the identity provider's to refuse.
    expect(await readSubjectToken({ kind: 'env', name: 'T' }, NOW, { T: jwt({ sub: 'ci' }) })).toBe(jwt({ sub: 'ci' }));
    expect(describeSource({ kind: 'env', name: 'T' })).toBe('the environment variable T');
    expect(describeSource({ kind: 'file', path })).toBe(`the file ${path}`);
  });

  it('sends nothing that is not a JWT, and says where it looked', async () => {
    const notJwt = join(dir, 'ssh-key');
    await writeFile(notJwt, '-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n');
    expect(await failureOf(readSubjectToken({ kind: 'file', path: notJwt }, NOW))).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining(`the file ${notJwt} does not hold a JWT`) });
    expect((await failureOf(readSubjectToken({ kind: 'file', path: notJwt }, NOW))).message).not.toContain('abc');
    for (const env of [{}, { T: '' }, { T: '  \n' }]) {
      expect(await failureOf(readSubjectToken({ kind: 'env', name: 'T' }, NOW, env)), JSON.stringify(env)).toMatchObject({ message: expect.stringContaining('T is not set') });
    }
  });

  it('refuses a directory, a file larger than a token and a missing file, before reading them', async () => {
    expect((await failureOf(readSubjectToken({ kind: 'file', path: dir }, NOW))).message).toContain(`${dir} is not a file`);
    const big = join(dir, 'big');
    await writeFile(big, 'x'.repeat(16 * 1024 + 1));
    expect((await failureOf(readSubjectToken({ kind: 'file', path: big }, NOW))).message).toContain('larger than a token');
    const limit = join(dir, 'limit');
    await writeFile(limit, fresh.padEnd(16 * 1024, ' '));
    expect(await readSubjectToken({ kind: 'file', path: limit }, NOW)).toBe(fresh);
    expect((await failureOf(readSubjectToken({ kind: 'file', path: join(dir, 'missing') }, NOW))).message).toContain('ENOENT');
  });

  it('refuses a token that has expired, saying when', async () => {
    const expired = jwt({ sub: 'ci', exp: NOW / 1000 });
    const f = await failureOf(readSubjectToken({ kind: 'env', name: 'T' }, NOW, { T: expired }));
    expect(f).toMatchObject({ code: 'AUTH_FAILED', message: expect.stringContaining(`expired at ${new Date(NOW).toISOString()}`) });
    expect(await readSubjectToken({ kind: 'env', name: 'T' }, NOW - 1, { T: expired })).toBe(expired);
  });
});
