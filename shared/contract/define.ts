import type { z } from 'zod';

/**
 * One request/response channel: its input (validated in main from `unknown`) and its output (parsed again before
 * it leaves main, so anything not declared here, a secret included, is stripped).
 */
export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  readonly summary: string;
}

/** One main → renderer event. */
export interface EventSpec<P extends z.ZodType = z.ZodType> {
  readonly payload: P;
  readonly summary: string;
}

export const channel = <I extends z.ZodType, O extends z.ZodType>(spec: ChannelSpec<I, O>): ChannelSpec<I, O> => spec;

export const event = <P extends z.ZodType>(spec: EventSpec<P>): EventSpec<P> => spec;

/** Channels grouped by domain: `{ session: { disconnect: ChannelSpec } }` is wired as `session.disconnect`. */
export type DomainChannels = Readonly<Record<string, ChannelSpec>>;
export type ContractShape = Readonly<Record<string, DomainChannels>>;
