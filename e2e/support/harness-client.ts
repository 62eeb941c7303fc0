import type { Page } from '@playwright/test';
import WebSocket from 'ws';
import { HARNESS_SOCKET_PATH, harnessSubprotocol } from '../../shared/contract/harness-names';

export interface HarnessClient {
  call(channel: string, input: unknown): Promise<Record<string, unknown>>;
  close(): void;
}

/**
 * A second socket into the browser harness, holding the session cookie the page earned from its one-time address:
 * a spec sets up state through main's channels exactly as the page would (same gateway, same sender check), without
 * inventing a sender id. Each reply is the `{ok, value | error}` envelope; an error is thrown with its message.
 */
export async function harnessClient(page: Page, harness: { readonly url: string; readonly secret: string }): Promise<HarnessClient> {
  const origin = new URL(harness.url).origin;
  const cookie = (await page.context().cookies(origin)).map((c) => `${c.name}=${c.value}`).join('; ');
  const ws = new WebSocket(`${origin.replace(/^http/, 'ws')}${HARNESS_SOCKET_PATH}`, [harnessSubprotocol(harness.secret)], {
    origin,
    headers: { cookie },
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`harness socket refused: HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
  const waiting = new Map<number, (result: unknown) => void>();
  ws.on('message', (data) => {
    const m = JSON.parse(data.toString()) as { type: string; id?: number; result?: unknown };
    if (m.type === 'result' && m.id !== undefined) waiting.get(m.id)?.(m.result);
  });
  let nextId = 1;
  return {
    async call(channel, input) {
      const id = nextId++;
      const reply = (await new Promise<unknown>((resolve) => {
        waiting.set(id, resolve);
        ws.send(JSON.stringify({ type: 'invoke', id, channel, input }));
      })) as { ok: boolean; value?: Record<string, unknown>; error?: { message: string } };
      waiting.delete(id);
      if (!reply.ok) throw new Error(`${channel}: ${reply.error?.message}`);
      return reply.value!;
    },
    close: () => ws.close(),
  };
}
