// The one reply path: every response, success or error, gets `x-cos-request-id`,
// `Server: tencent-cos`, `Date` (from the injected clock: the SDKs correct their clock skew from
// it), `Content-Type` and `Content-Length`, plus the CORS headers of the matched rule.
// Error bodies: https://cloud.tencent.com/document/product/436/7730
import { validateHeaderName, validateHeaderValue, type ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { CosError } from '../shared/errors/cos-error';
import { buildErrorXml } from '../shared/xml/error';
import type { OpResult } from './context';

export interface ReplyMeta {
  requestId: string;
  traceId: string;
  nowMs: number;
  /** `<host><path>`, the error body's Resource. */
  resource: string;
  /** HEAD: headers only. */
  head: boolean;
  /** Added to every response (CORS). */
  extraHeaders: Record<string, string>;
}

function baseHeaders(meta: ReplyMeta): Record<string, string> {
  return { Server: 'tencent-cos', Date: new Date(meta.nowMs).toUTCString(), 'x-cos-request-id': meta.requestId, ...meta.extraHeaders };
}

/** The first header Node would refuse to send (a value with control or non-Latin-1 characters). */
function invalidHeader(headers: Record<string, string>): string | undefined {
  for (const [name, value] of Object.entries(headers)) {
    try {
      validateHeaderName(name);
      validateHeaderValue(name, value);
    } catch {
      return name;
    }
  }
  return undefined;
}

/**
 * An error answer always goes out: a header Node would refuse (CORS or version headers echoing
 * what a client sent) is dropped rather than failing the answer.
 */
function sendable(headers: Record<string, string>): Record<string, string> {
  const out = { ...headers };
  for (let bad = invalidHeader(out); bad !== undefined; bad = invalidHeader(out)) delete out[bad];
  return out;
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((h) => h.toLowerCase() === name);
}

export async function sendResult(res: ServerResponse, meta: ReplyMeta, result: OpResult): Promise<void> {
  const headers = { ...baseHeaders(meta), ...result.headers };
  // Checked before anything touches `res`: writeHead throwing half-way leaves the status (a 204's
  // "no body") behind, and the InternalError answer would then go out without its body.
  const invalid = invalidHeader(headers);
  if (invalid !== undefined) {
    result.stream?.body.destroy();
    throw new Error(`response header ${invalid} has a value Node refuses to send`);
  }
  const status = result.status ?? 200;
  if (result.stream) {
    headers['Content-Length'] = String(result.stream.length);
    res.writeHead(status, headers);
    if (meta.head) {
      result.stream.body.destroy();
      res.end();
      return;
    }
    await pipeline(result.stream.body, res);
    return;
  }
  const body = result.xml === undefined ? undefined : Buffer.from(result.xml);
  if (!hasHeader(headers, 'content-type')) headers['Content-Type'] = 'application/xml';
  if (!hasHeader(headers, 'content-length')) headers['Content-Length'] = String(body?.length ?? 0);
  res.writeHead(status, headers);
  res.end(meta.head ? undefined : body);
}

export function sendError(res: ServerResponse, meta: ReplyMeta, err: CosError): void {
  const xml = buildErrorXml({ code: err.code, message: err.message, resource: meta.resource, requestId: meta.requestId, traceId: meta.traceId });
  const body = Buffer.from(xml);
  // A HEAD error has no body (the SDK then reports the status code alone).
  res.writeHead(err.status, { ...sendable({ ...baseHeaders(meta), ...err.headers }), 'Content-Type': 'application/xml', 'Content-Length': String(meta.head ? 0 : body.length) });
  res.end(meta.head ? undefined : body);
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Errors on static-website hosts are HTML pages, as browsers show them. */
export function sendHtmlError(res: ServerResponse, meta: ReplyMeta, err: CosError): void {
  const title = `${err.status} ${escapeHtml(err.code)}`;
  const html = `<!doctype html>\n<html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><ul>` +
    `<li>Code: ${escapeHtml(err.code)}</li><li>Message: ${escapeHtml(err.message)}</li><li>RequestId: ${escapeHtml(meta.requestId)}</li>` +
    '</ul></body></html>\n';
  const body = Buffer.from(html);
  res.writeHead(err.status, { ...sendable(baseHeaders(meta)), 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(meta.head ? 0 : body.length) });
  res.end(meta.head ? undefined : body);
}
