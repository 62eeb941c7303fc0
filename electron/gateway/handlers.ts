import type { Domain, MethodOf, OutputOf, ParsedInputOf } from '../../shared/contract';
import type { Result } from '../../shared/result';
import type { SenderInfo } from './sender-policy';

export interface HandlerContext {
  readonly sender: SenderInfo;
}

export type Handler<D extends Domain, M extends MethodOf<D>> = (
  input: ParsedInputOf<D, M>,
  ctx: HandlerContext,
) => Promise<Result<OutputOf<D, M>>>;

export type DomainHandlers<D extends Domain> = { readonly [M in MethodOf<D>]: Handler<D, M> };

/** One handler per channel of the contract; a missing handler is a type error. */
export type Handlers = { readonly [D in Domain]: DomainHandlers<D> };
