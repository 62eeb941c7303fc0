import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/result';
import { createTestTls } from '../http/self-signed.test-support';
import { readCaFile } from './ca-file';

const [one, two] = [createTestTls().caPem.trim(), createTestTls().caPem.trim()];
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ucbridge-ca-file-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const failure = async (path: string) => {
  try {
    await readCaFile(path);
  } catch (error) {
    if (error instanceof AppFailure) return error.error;
    throw error;
  }
  throw new Error('readCaFile accepted it');
};

describe('the CA certificate file', () => {
  it('yields every certificate of a PEM bundle', async () => {
    const path = join(dir, 'bundle.pem');
    await writeFile(path, `# company roots\n${one}\n${two}\n`);
    expect(await readCaFile(path)).toEqual([one, two]);
  });

  it('is refused, with the fix, when it is no usable PEM file', async () => {
    await writeFile(join(dir, 'text.pem'), 'hello');
    // A good certificate followed by a block whose body is base64 of "not a certificate".
    await writeFile(join(dir, 'damaged.pem'), `${one}\n-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n`);
    expect(await failure('relative/ca.pem')).toMatchObject({ code: 'BAD_REQUEST', message: 'The CA certificate file must be given by its full path.' });
    expect(await failure(join(dir, 'missing.pem'))).toMatchObject({ code: 'NOT_FOUND', hint: expect.stringContaining('Check the path') });
    expect(await failure(join(dir, 'text.pem'))).toMatchObject({ code: 'BAD_REQUEST', hint: expect.stringContaining('BEGIN CERTIFICATE') });
    expect(await failure(join(dir, 'damaged.pem'))).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/^Certificate 2 in .* is damaged\.$/) });
    expect(await failure(dir)).toMatchObject({ code: 'STORAGE' });
  });
});
