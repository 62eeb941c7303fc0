import { z } from 'zod';

/**
 * The browser harness carries the same contract as Electron IPC over a loopback WebSocket. The harness injects a
 * per-run secret into the index.html it serves (`<meta name="ucbridge-harness" content="<secret>">`, readable only
 * by same-origin pages); the page offers it as the WebSocket subprotocol `ucbridge.<secret>`. The host also checks
 * the Origin header, so another local page or process cannot drive the main-process services.
 */
export const HARNESS_META_NAME = 'ucbridge-harness';
export const HARNESS_SOCKET_PATH = '/ipc';
export const harnessSubprotocol = (secret: string): string => `ucbridge.${secret}`;

export const HarnessClientMessageSchema = z.object({
  type: z.literal('invoke'),
  id: z.number().int().nonnegative(),
  channel: z.string().max(200),
  input: z.unknown(),
});
export type HarnessClientMessage = z.infer<typeof HarnessClientMessageSchema>;

export const HarnessServerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('result'), id: z.number().int().nonnegative(), result: z.unknown() }),
  z.object({ type: z.literal('event'), name: z.string(), payload: z.unknown() }),
]);
export type HarnessServerMessage = z.infer<typeof HarnessServerMessageSchema>;
