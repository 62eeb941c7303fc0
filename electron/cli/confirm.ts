import { createInterface } from 'node:readline/promises';

/** Asks one yes/no question on a terminal; anything but y/yes is no. */
export type Confirm = (question: string) => Promise<boolean>;

export function terminalConfirm(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Confirm {
  return async (question) => {
    const rl = createInterface({ input, output });
    try {
      const answer = await rl.question(`${question} [y/N] `);
      return /^\s*y(es)?\s*$/i.test(answer);
    } finally {
      rl.close();
    }
  };
}
