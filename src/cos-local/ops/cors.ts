// PUT/GET/DELETE Bucket cors (436/8279, 436/8274, 436/8283) and OPTIONS Object (436/8288).
// The configuration is stored as its parsed model, so GET returns exactly what was put.
import type { IncomingMessage } from 'node:http';
import { CosError } from '../../shared/errors/cos-error';
import { matchPreflight, parseHeaderList, preflightResponseHeaders } from '../../shared/cors/match';
import { validateCors } from '../../shared/cors/validate';
import { buildCorsXml, parseCorsXml, type CorsConfiguration } from '../../shared/xml/cors';
import { readSmallBody } from '../body';
import type { OpHandler, OpResult } from '../context';
import { bucketOf } from './common';

export const CORS_CONFIG = 'cors';

export const putBucketCors: OpHandler = async (ctx) => {
  const bucket = bucketOf(ctx);
  const parsed = parseCorsXml((await readSmallBody(ctx.req)).toString('utf8'));
  if (!parsed.ok) throw new CosError('MalformedXML');
  const invalid = validateCors(parsed.value);
  if (invalid !== undefined) throw new CosError('MalformedXML', { message: invalid });
  ctx.store.meta.putConfig(bucket.name, CORS_CONFIG, JSON.stringify(parsed.value));
  return {};
};

export const getBucketCors: OpHandler = async (ctx) => {
  if (!ctx.cors) throw new CosError('NoSuchCORSConfiguration');
  return { xml: buildCorsXml(ctx.cors) };
};

export const deleteBucketCors: OpHandler = async (ctx) => {
  ctx.store.meta.deleteConfig(bucketOf(ctx).name, CORS_CONFIG);
  return { status: 204 };
};

/** The stored configuration of a bucket, if any. */
export function loadCors(json: string | undefined): CorsConfiguration | undefined {
  return json === undefined ? undefined : (JSON.parse(json) as CorsConfiguration);
}

/**
 * A preflight: no signature (browsers cannot sign it); 200 with the first matching rule's
 * headers, 403 when the bucket has no configuration or no rule matches. Origin and
 * Access-Control-Request-Method are required request headers (436/8288): without them the request
 * is not a preflight at all and is refused as malformed (400) before any CORS rule is looked at —
 * cos-nodejs-sdk-v5's optionsObject turns a 403 into a success (`OptionsForbidden: true`), and its
 * suite expects an error for an OPTIONS that lost both headers.
 */
export function preflight(req: IncomingMessage, cors: CorsConfiguration | undefined): OpResult {
  const origin = req.headers.origin;
  const method = req.headers['access-control-request-method'];
  if (origin === undefined || origin === '' || method === undefined || method === '') {
    throw new CosError('InvalidRequest', { message: 'Insufficient information. Origin and Access-Control-Request-Method request headers are needed.' });
  }
  const forbidden = new CosError('AccessForbidden');
  if (!cors) throw forbidden;
  const request = { origin, method, headers: parseHeaderList(req.headers['access-control-request-headers']) };
  const match = matchPreflight(cors, request);
  if (!match.matched) throw forbidden;
  return { headers: preflightResponseHeaders(cors, match, request) };
}
