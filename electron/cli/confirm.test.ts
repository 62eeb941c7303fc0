import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { terminalConfirm } from './confirm';

async function ask(answer: string): Promise<{ yes: boolean; shown: string }> {
  const input = new PassThrough();
  const output = new PassThrough();
  let shown = '';
  output.on('data', (c: Buffer) => (shown += c.toString()));
  const pending = terminalConfirm(input, output)('Apply: run 3 statements on host?');
  input.write(`${answer}\n`);
  return { yes: await pending, shown };
}

describe('terminalConfirm', () => {
  it('asks with [y/N] and only y or yes is yes', async () => {
    expect(await ask('y')).toEqual({ yes: true, shown: 'Apply: run 3 statements on host? [y/N] ' });
    expect((await ask(' YES ')).yes).toBe(true);
    for (const no of ['', 'n', 'no', 'yess', 'sure']) expect((await ask(no)).yes, no).toBe(false);
  });
});
