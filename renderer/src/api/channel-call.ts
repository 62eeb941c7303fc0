import type { Domain, InputOf, MethodOf, OutputOf, UcbridgeApi } from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import { unwrap } from './client-error';

export type ChannelInput<D extends Domain, M extends MethodOf<D>> = InputOf<D, M>;
export type ChannelOutput<D extends Domain, M extends MethodOf<D>> = OutputOf<D, M>;

/** The TanStack Query key of a channel call: `['session', 'state', {}]`. Prefixes match a domain or a channel. */
export const channelKey = <D extends Domain, M extends MethodOf<D>>(domain: D, method: M, input: InputOf<D, M>) =>
  [domain, method, input] as const;

/** Calls one channel and unwraps its envelope: resolves with the value, rejects with a ClientError. */
export async function callChannel<D extends Domain, M extends MethodOf<D>>(
  api: UcbridgeApi,
  domain: D,
  method: M,
  input: InputOf<D, M>,
): Promise<OutputOf<D, M>> {
  // The mapped type cannot be indexed generically; the contract guarantees the method's shape.
  const fn = (api[domain] as unknown as Record<string, (i: unknown) => Promise<Result<OutputOf<D, M>>>>)[method];
  if (!fn) throw new Error(`window.api has no method ${domain}.${method}`);
  return unwrap(`${domain}.${method}`, await fn(input));
}
