// Request bodies: small XML documents read whole (with a cap), and the Content-MD5 check that
// PUT Object and the configuration PUTs share (436/7749: BadDigest / InvalidDigest).
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { CosError } from '../shared/errors/cos-error';

/** Configuration documents are at most 64 KB (PUT Bucket cors/website, 436/8279). */
export const MAX_XML_BODY = 64 * 1024;

/** The Content-MD5 header as 16 bytes, undefined when absent; InvalidDigest when malformed. */
export function expectedMd5(req: IncomingMessage): Buffer | undefined {
  const raw = req.headers['content-md5'];
  const header = Array.isArray(raw) ? raw[0] : raw;
  if (header === undefined) return undefined;
  const bytes = Buffer.from(header, 'base64');
  if (bytes.length !== 16 || bytes.toString('base64') !== header.trim()) throw new CosError('InvalidDigest');
  return bytes;
}

/** BadDigest unless `actual` equals the Content-MD5 sent. */
export function checkMd5(expected: Buffer | undefined, actual: Buffer): void {
  if (expected && !expected.equals(actual)) throw new CosError('BadDigest');
}

/**
 * The whole body, kept up to `limit` bytes; past it the rest is still read, and dropped. Stopping
 * early instead (a for-await loop's early exit destroys the request) left the connection with the
 * rest of the body unread: the error answer went out, but the next request on that keep-alive
 * connection was never answered. Reading on lets the answer follow the body on a usable connection.
 */
export function readCapped(req: IncomingMessage, limit: number): Promise<{ body: Buffer; tooLarge: boolean }> {
  if (req.readableEnded) return Promise.resolve({ body: Buffer.alloc(0), tooLarge: false });
  if (req.destroyed) return Promise.reject(new Error('the request closed before its body ended'));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    };
    const settle = (error?: Error): void => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      if (error) reject(error);
      else resolve({ body: Buffer.concat(chunks), tooLarge: size > limit });
    };
    const onEnd = (): void => settle();
    const onError = (e: Error): void => settle(e);
    // The client went away mid-body ('close' without 'end'); nobody is left to answer.
    const onClose = (): void => settle(new Error('the request closed before its body ended'));
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

export async function readSmallBody(req: IncomingMessage, limit = MAX_XML_BODY): Promise<Buffer> {
  const expected = expectedMd5(req);
  const { body, tooLarge } = await readCapped(req, limit);
  if (tooLarge) throw new CosError('EntityTooLarge', { message: `The request body is larger than ${limit} bytes.` });
  checkMd5(expected, createHash('md5').update(body).digest());
  return body;
}
