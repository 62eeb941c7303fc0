import type { z } from 'zod';
import type { Result } from '../result';
import { appChannels, appEvents } from './app';
import { authChannels, authEvents } from './auth';
import type { ChannelSpec, ContractShape, EventSpec } from './define';
import { integrationChannels, integrationEvents } from './integration';
import { metadataChannels, metadataEvents } from './metadata';
import { policiesChannels } from './policies';
import { sessionChannels, sessionEvents } from './session';
import { taskChannels, taskEvents } from './task';
import { usersChannels } from './users';

/**
 * The whole IPC contract: every channel and every event, declared once. Main registers handlers from it, the
 * preload and the browser harness expose one method per channel from it, and the renderer's `window.api` type
 * is derived from it.
 */
export const contract = {
  app: appChannels,
  auth: authChannels,
  integration: integrationChannels,
  metadata: metadataChannels,
  policies: policiesChannels,
  session: sessionChannels,
  task: taskChannels,
  users: usersChannels,
} as const satisfies ContractShape;

export const events = {
  ...appEvents,
  ...authEvents,
  ...integrationEvents,
  ...metadataEvents,
  ...sessionEvents,
  ...taskEvents,
} as const satisfies Readonly<Record<string, EventSpec>>;

export type Contract = typeof contract;
export type Domain = keyof Contract;
export type MethodOf<D extends Domain> = keyof Contract[D] & string;
type Spec<D extends Domain, M extends MethodOf<D>> = Contract[D][M] extends ChannelSpec ? Contract[D][M] : never;

/** What the renderer passes (defaults not yet applied). */
export type InputOf<D extends Domain, M extends MethodOf<D>> = z.input<Spec<D, M>['input']>;
/** What a handler receives (validated, defaults applied). */
export type ParsedInputOf<D extends Domain, M extends MethodOf<D>> = z.output<Spec<D, M>['input']>;
export type OutputOf<D extends Domain, M extends MethodOf<D>> = z.output<Spec<D, M>['output']>;

export type EventName = keyof typeof events & string;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]['payload']>;
export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

/** The wire name of a channel: `session.disconnect`. */
export const channelName = (domain: string, method: string): string => `${domain}.${method}`;

export interface ChannelEntry {
  readonly domain: string;
  readonly method: string;
  readonly name: string;
  readonly spec: ChannelSpec;
}

/** Every channel, in declaration order. */
export const channelList: readonly ChannelEntry[] = Object.entries(contract as ContractShape).flatMap(
  ([domain, methods]) =>
    Object.entries(methods).map(([method, spec]) => ({ domain, method, name: channelName(domain, method), spec })),
);

export const channelByName: ReadonlyMap<string, ChannelEntry> = new Map(channelList.map((c) => [c.name, c]));

/** `window.api`: one method per channel, plus a typed event subscription that returns its unsubscribe function. */
export type UcbridgeApi = {
  readonly [D in Domain]: {
    readonly [M in MethodOf<D>]: (input: InputOf<D, M>) => Promise<Result<OutputOf<D, M>>>;
  };
} & {
  readonly on: <E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void) => () => void;
};
