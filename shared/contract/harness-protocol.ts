import * as z from 'zod/mini';

/**
 * The browser harness carries the same contract as Electron IPC over a loopback WebSocket, for the browser of the
 * person who started it only. That person gets a one-time URL in their terminal (`/login?token=…`); loading it once
 * exchanges the token for a session cookie (HttpOnly, SameSite=Strict, Path=/), and the harness serves its page,
 * the page's assets and the socket only to requests carrying that cookie. Any local process can reach the port and
 * can forge a Host or Origin header, but without the cookie it gets no page and no socket. The page it does serve
 * holds a per-run secret (`<meta name="ucbridge-harness" content="<secret>">`), which the page offers as the
 * WebSocket subprotocol `ucbridge.<secret>`; the host also checks the Host and Origin headers, so another site open
 * in the same browser cannot drive the main-process services either. The names (meta tag, path, subprotocol) are in
 * harness-names.ts, apart from these schemas, so the page's early script carries no zod. The page reads the host's
 * messages with harness-server-message.ts, which carries no zod onto its way to the first render and which its test
 * holds equal to HarnessServerMessageSchema; the host reads the page's with HarnessClientMessageSchema.
 */
export const HarnessClientMessageSchema = z.object({
  type: z.literal('invoke'),
  id: z.int().check(z.nonnegative()),
  channel: z.string().check(z.maxLength(200)),
  input: z.unknown(),
});
export type HarnessClientMessage = z.infer<typeof HarnessClientMessageSchema>;

export const HarnessServerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('result'), id: z.int().check(z.nonnegative()), result: z.unknown() }),
  z.object({ type: z.literal('event'), name: z.string(), payload: z.unknown() }),
]);
export type HarnessServerMessage = z.infer<typeof HarnessServerMessageSchema>;
