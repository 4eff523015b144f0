// Requests Node's HTTP parser refuses before any handler runs (headers over the limit, a malformed
// request line) still get a COS error body with x-cos-request-id, as every cos-local response does
// (docs/cos-behaviour.md "Errors"), instead of Node's bare 400/431. Oversized headers answer
// RequestHeaderSectionTooLarge (400), as S3-compatible services name it; COS's own limit is not
// documented, so cos-local keeps Node's 16 KiB (a temporary key's token is well under it).
import type { Duplex } from 'node:stream';
import { CosError } from '../shared/errors/cos-error';
import { buildErrorXml } from '../shared/xml/error';
import type { IdGenerator } from './context';

export const MAX_HEADER_BYTES = 16 * 1024;

export function answerClientError(error: Error & { code?: string }, socket: Duplex, ids: IdGenerator): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const err = error.code === 'HPE_HEADER_OVERFLOW'
    ? new CosError('RequestHeaderSectionTooLarge', { message: `Your request header section exceeds the maximum allowed size (${MAX_HEADER_BYTES} bytes).` })
    : new CosError('BadRequest', { message: 'The request is not valid HTTP.' });
  answerRaw(socket, err, 'Bad Request', ids);
}

/**
 * CONNECT asks for a proxy tunnel, which cos-local is not. Node hands such requests to the server's
 * 'connect' event and, with no listener, closes the connection without a word; this answers them
 * as any other method a resource does not take (MethodNotAllowed) and closes.
 */
export function answerConnect(socket: Duplex, ids: IdGenerator): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  answerRaw(socket, new CosError('MethodNotAllowed'), 'Method Not Allowed', ids);
}

function answerRaw(socket: Duplex, err: CosError, reason: string, ids: IdGenerator): void {
  const requestId = ids.requestId();
  const body = Buffer.from(buildErrorXml({ code: err.code, message: err.message, resource: '', requestId, traceId: ids.traceId() }));
  const head = [
    `HTTP/1.1 ${err.status} ${reason}`, 'Content-Type: application/xml', `Content-Length: ${body.length}`,
    `x-cos-request-id: ${requestId}`, 'Server: tencent-cos', 'Connection: close', '', '',
  ].join('\r\n');
  socket.end(Buffer.concat([Buffer.from(head), body]));
  // The socket is no longer the HTTP server's (a CONNECT's is handed over paused): read and drop
  // what still comes so the client's close is seen and the socket ends — else it stays half-open,
  // and server.close() (which closeAllConnections does not reach for it) waits forever. A client
  // that keeps it open after `Connection: close` has it closed a second later.
  socket.resume();
  const timer = setTimeout(() => socket.destroy(), 1000).unref();
  socket.once('close', () => clearTimeout(timer));
}
