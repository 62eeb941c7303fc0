import type { IncomingMessage } from 'node:http';

export type BodyResult = { readonly ok: true; readonly body: Buffer } | { readonly ok: false; readonly reason: 'too-large' | 'aborted' };

/**
 * Reads a request body up to `limit` bytes. A larger body is drained (up to 16× the limit, so the client still
 * gets the 413 instead of a reset) and then refused; anything beyond that closes the connection.
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  const chunks: Buffer[] = [];
  let received = 0;
  try {
    for await (const chunk of req) {
      const buffer = chunk as Buffer;
      received += buffer.length;
      if (received > limit * 16) {
        req.destroy();
        return { ok: false, reason: 'too-large' };
      }
      if (received <= limit) chunks.push(buffer);
    }
  } catch {
    return { ok: false, reason: 'aborted' };
  }
  if (received > limit || (Number.isFinite(declared) && declared > limit)) return { ok: false, reason: 'too-large' };
  return { ok: true, body: Buffer.concat(chunks, received) };
}

/** Parses an `application/x-www-form-urlencoded` body; repeated keys keep the first value. */
export function parseForm(body: Buffer): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(body.toString('utf8'))) if (!(key in out)) out[key] = value;
  return out;
}
