import { z } from 'zod';
import { channelByName } from '../../shared/contract';
import { AppFailure, err, type AppError, type Result } from '../../shared/result';
import type { Logger } from '../ports';
import type { Handlers, HandlerContext } from './handlers';
import { isTrustedSender, type SenderInfo, type SenderPolicy } from './sender-policy';

export interface GatewayOptions {
  readonly handlers: Handlers;
  readonly policy: () => SenderPolicy;
  readonly logger: Logger;
  /** The redaction filter, applied to every error message and hint before it leaves main. */
  readonly redact: (text: string) => string;
}

export interface Gateway {
  /** Validates the sender and the payload, runs the handler, and always answers with a result envelope. */
  dispatch(sender: SenderInfo, channel: string, raw: unknown): Promise<Result<unknown>>;
}

const INTERNAL: AppError = {
  code: 'INTERNAL',
  message: 'Something went wrong inside ucbridge.',
  hint: 'The details are in the log (Help → Copy details). Please try again, or report it with the log.',
};

/**
 * The single entry point for every request from a renderer, whether it arrives through Electron's ipcMain or the
 * browser harness's socket. No exception, stack or undeclared field crosses back: errors become values, and the
 * output is parsed against its schema, which strips anything the contract does not declare.
 */
export function createGateway(options: GatewayOptions): Gateway {
  const { handlers, logger, redact } = options;
  const clean = (e: AppError): AppError => ({
    code: e.code,
    message: redact(e.message),
    ...(e.hint === undefined ? {} : { hint: redact(e.hint) }),
  });

  async function run(sender: SenderInfo, channel: string, raw: unknown): Promise<Result<unknown>> {
    const entry = channelByName.get(channel);
    if (!entry) return err('BAD_REQUEST', `Unknown channel "${channel.slice(0, 80)}".`);
    if (!isTrustedSender(sender, options.policy())) {
      logger.warn('dropped a request from an untrusted sender', { channel, sender: sender.id, url: sender.url });
      return err('FORBIDDEN', 'This request did not come from the ucbridge window.');
    }
    const input = entry.spec.input.safeParse(raw);
    if (!input.success) return err('BAD_REQUEST', z.prettifyError(input.error));
    const domain = (handlers as unknown as Record<string, Record<string, unknown>>)[entry.domain];
    const handler = domain?.[entry.method] as
      | ((input: unknown, ctx: HandlerContext) => Promise<Result<unknown>>)
      | undefined;
    if (!handler) return err('UNSUPPORTED', `No handler for "${channel}".`);
    const result = await handler(input.data, { sender });
    if (!result.ok) return { ok: false, error: clean(result.error) };
    const output = entry.spec.output.safeParse(result.value);
    if (!output.success) {
      logger.error('a handler answered outside its contract', { channel, issues: z.prettifyError(output.error) });
      return { ok: false, error: INTERNAL };
    }
    return { ok: true, value: output.data };
  }

  return {
    async dispatch(sender, channel, raw) {
      try {
        return await run(sender, channel, raw);
      } catch (e) {
        if (e instanceof AppFailure) return { ok: false, error: clean(e.error) };
        logger.error('a handler threw', { channel, error: e });
        return { ok: false, error: INTERNAL };
      }
    },
  };
}
