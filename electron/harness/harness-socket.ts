import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { harnessSubprotocol } from '../../shared/contract/harness-names';
import { HarnessClientMessageSchema, type HarnessServerMessage } from '../../shared/contract/harness-protocol';
import type { EventHub } from '../gateway/event-hub';
import type { Gateway } from '../gateway/gateway';
import type { Logger } from '../ports';
import type { HarnessAccess } from './harness-access';
import { checkUpgrade } from './socket-gate';

export interface HarnessSocketOptions {
  readonly server: Server;
  readonly origin: string;
  readonly host: string;
  readonly secret: string;
  /** The session cookie the socket requires (harness-access.ts). */
  readonly access: Pick<HarnessAccess, 'admits'>;
  readonly gateway: Gateway;
  readonly events: EventHub;
  readonly logger: Logger;
  /** Filled with the ids of open, authenticated connections: the harness's trusted "webContents". */
  readonly trusted: Set<number>;
}

export interface HarnessSocket {
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 1024 * 1024;
/** A tab that stops reading must not make the host buffer events without bound. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

/** The WebSocket half of the harness: the same contract as Electron IPC, over `/ipc`. */
export function attachHarnessSocket(options: HarnessSocketOptions): HarnessSocket {
  const { logger } = options;
  const protocol = harnessSubprotocol(options.secret);
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    handleProtocols: (offered) => (offered.has(protocol) ? protocol : false),
  });
  const live = new Map<number, WebSocket>();
  let nextId = 1;

  const send = (ws: WebSocket, message: HarnessServerMessage): void => {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > MAX_BUFFERED_BYTES) return void ws.close(1013, 'too slow');
    ws.send(JSON.stringify(message));
  };

  const onMessage = async (id: number, ws: WebSocket, data: RawData, isBinary: boolean): Promise<void> => {
    let parsed: unknown;
    try {
      parsed = isBinary ? undefined : JSON.parse(data.toString());
    } catch {
      parsed = undefined;
    }
    const message = HarnessClientMessageSchema.safeParse(parsed);
    if (!message.success) {
      logger.warn('closed a harness connection that sent an invalid message', { connection: id });
      return void ws.close(1008, 'invalid message');
    }
    const sender = { id, isMainFrame: true, url: `${options.origin}/` };
    const result = await options.gateway.dispatch(sender, message.data.channel, message.data.input);
    send(ws, { type: 'result', id: message.data.id, result });
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const decision = checkUpgrade(req, options);
    if (!decision.ok) {
      logger.warn('refused a harness socket', { reason: decision.reason, origin: req.headers.origin });
      socket.end(`HTTP/1.1 ${decision.status} ${decision.reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const id = nextId++;
      const forget = (): void => {
        live.delete(id);
        options.trusted.delete(id);
      };
      live.set(id, ws);
      options.trusted.add(id);
      ws.on('message', (data, isBinary) => void onMessage(id, ws, data, isBinary));
      ws.on('close', forget);
      ws.on('error', forget);
    });
  };
  options.server.on('upgrade', onUpgrade);
  const stopEvents = options.events.subscribe((name, payload) => {
    for (const ws of live.values()) send(ws, { type: 'event', name, payload });
  });

  return {
    async close() {
      stopEvents();
      options.server.off('upgrade', onUpgrade);
      for (const ws of live.values()) ws.close(1001, 'harness stopping');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
