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

export async function readSmallBody(req: IncomingMessage, limit = MAX_XML_BODY): Promise<Buffer> {
  const expected = expectedMd5(req);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new CosError('EntityTooLarge', { message: `The request body is larger than ${limit} bytes.` });
    chunks.push(chunk);
  }
  const body = Buffer.concat(chunks);
  checkMd5(expected, createHash('md5').update(body).digest());
  return body;
}
