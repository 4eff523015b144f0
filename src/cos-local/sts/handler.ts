// The STS endpoint on cos-local's ports (docs/cos-behaviour.md "Temporary keys (STS)"): a POST to `/`
// of a non-bucket host is a Tencent Cloud API call, not a COS request. It is answered in the
// Tencent Cloud API JSON shape — `{"Response":{…,"RequestId"}}`, errors as `{"Response":{"Error":
// {"Code","Message"},"RequestId"}}` with HTTP 200 (API 3.0 behaviour) — before any COS
// authentication. Signature v1 bodies are at most 1 MB ("签名方法 v1 … 不得超过1MB").
import type { IncomingMessage, ServerResponse } from 'node:http';
import { generateKeyPair } from '../accounts';
import { readCapped } from '../body';
import type { KeyEntry } from '../principal';
import { errorBody, StsError } from './errors';
import { getFederationToken } from './federation-token';

export const MAX_STS_BODY = 1024 * 1024;

export interface StsContext {
  keys: { findKey(secretId: string): KeyEntry | undefined };
  nowMs: number;
  requestId: string;
  /** Default: `AKID` + 32 random characters, like a permanent SecretId. */
  newTmpSecretId?: () => string;
}

async function readBody(req: IncomingMessage): Promise<string> {
  // Read to the end even when too large, so the answer arrives on a usable connection (body.ts).
  const { body, tooLarge } = await readCapped(req, MAX_STS_BODY);
  if (tooLarge) throw new StsError('RequestSizeLimitExceeded', `The request body is larger than ${MAX_STS_BODY} bytes.`);
  return body.toString('utf8');
}

function send(res: ServerResponse, ctx: StsContext, body: unknown): void {
  const json = Buffer.from(JSON.stringify(body));
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Content-Length': String(json.length),
    Date: new Date(ctx.nowMs).toUTCString(),
    // Every cos-local response names its request (docs/cos-behaviour.md "Errors"); the body carries it as RequestId.
    'x-cos-request-id': ctx.requestId,
  });
  res.end(json);
}

/** Answers one STS call; never throws for a bad request (only if the client goes away). */
export async function handleSts(req: IncomingMessage, res: ServerResponse, ctx: StsContext): Promise<void> {
  try {
    const token = getFederationToken(
      {
        method: req.method ?? 'POST',
        host: req.headers.host ?? '',
        path: (req.url ?? '/').replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').split('?')[0] || '/',
        contentType: req.headers['content-type'],
        body: await readBody(req),
      },
      { keys: ctx.keys, nowMs: ctx.nowMs, newTmpSecretId: ctx.newTmpSecretId ?? (() => generateKeyPair().secretId) },
    );
    send(res, ctx, { Response: { ...token, RequestId: ctx.requestId } });
  } catch (e) {
    if (!(e instanceof StsError)) throw e;
    send(res, ctx, errorBody(e, ctx.requestId));
  }
}
