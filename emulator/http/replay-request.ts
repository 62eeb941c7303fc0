import { IncomingMessage } from 'node:http';

/**
 * A copy of a request whose body was already read, for handing on to a framework that reads the body itself
 * (oidc-provider reads token requests; the sandbox must first see the grant type). Same socket, URL and headers.
 */
export function replayRequest(req: IncomingMessage, body: Buffer, url = req.url): IncomingMessage {
  const copy = new IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = url;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  const headers = { ...req.headers, 'content-length': String(body.length) };
  delete headers['transfer-encoding'];
  copy.headers = headers;
  // Marks the message as fully received: otherwise IncomingMessage#_destroy treats the end of the copy as an
  // aborted request and destroys the shared socket.
  copy.complete = true;
  copy.push(body);
  copy.push(null);
  return copy;
}
