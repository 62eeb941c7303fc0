import { createInterface } from 'node:readline/promises';
import { AppFailure } from '../../shared/result';

/** Asks one question on a terminal and resolves to the answer as typed (end of input: the empty answer). */
export type Ask = (question: string) => Promise<string>;

/** Asks one yes/no question on a terminal; anything but y/yes is no. */
export type Confirm = (question: string) => Promise<boolean>;

/** Ctrl-C at a question cancels the command (exit 130) rather than leaving it waiting. */
export function terminalAsk(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Ask {
  return (question) =>
    new Promise((resolve, reject) => {
      const rl = createInterface({ input, output });
      rl.once('SIGINT', () => {
        output.write('\n');
        reject(new AppFailure({ code: 'CANCELLED', message: 'Cancelled at the question; nothing was changed.' }));
        rl.close();
      });
      rl.once('close', () => resolve(''));
      rl.question(question).then(
        (answer) => {
          resolve(answer);
          rl.close();
        },
        () => resolve(''),
      );
    });
}

export function terminalConfirm(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Confirm {
  const ask = terminalAsk(input, output);
  return async (question) => {
    try {
      return /^\s*y(es)?\s*$/i.test(await ask(`${question} [y/N] `));
    } catch (e) {
      // Ctrl-C at a y/N question is a no.
      if (e instanceof AppFailure && e.error.code === 'CANCELLED') return false;
      throw e;
    }
  };
}
