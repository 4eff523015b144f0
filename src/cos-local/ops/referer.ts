// PUT/GET Bucket referer (436/32492, 436/32493) and its effect: hotlink protection on object reads.
// COS has no DELETE Bucket referer; a configuration is switched off with Status Disabled. GET on a
// bucket that never had one answers NoSuchRefererConfiguration, which getBucketReferer of both SDKs
// turns into an empty result (cos-js-sdk-v5 1.10.1 src/base.js getBucketReferer).
import type { IncomingMessage } from 'node:http';
import { CosError } from '../../shared/errors/cos-error';
import { judgeReferer, type RefererVerdict } from '../../shared/referer/match';
import { buildRefererXml, parseRefererXml, type RefererConfiguration } from '../../shared/xml/referer';
import { readSmallBody } from '../body';
import type { OpHandler } from '../context';
import type { MetaStore } from '../store/types';
import { bucketOf } from './common';

export const REFERER_CONFIG = 'referer';

export const putBucketReferer: OpHandler = async (ctx) => {
  const bucket = bucketOf(ctx);
  const parsed = parseRefererXml((await readSmallBody(ctx.req)).toString('utf8'));
  if (!parsed.ok) throw new CosError('MalformedXML', { message: `The XML you provided was not well-formed or did not validate: ${parsed.reason}.` });
  ctx.store.meta.putConfig(bucket.name, REFERER_CONFIG, JSON.stringify(parsed.value));
  return {};
};

export const getBucketReferer: OpHandler = (ctx) => {
  const config = loadReferer(ctx.store.meta, bucketOf(ctx).name);
  if (!config) return Promise.reject(new CosError('NoSuchRefererConfiguration'));
  return Promise.resolve({ xml: buildRefererXml(config) });
};

export function loadReferer(meta: MetaStore, bucket: string): RefererConfiguration | undefined {
  const json = meta.getConfig(bucket, REFERER_CONFIG);
  return json === undefined ? undefined : (JSON.parse(json) as RefererConfiguration);
}

const REFUSALS: Record<Exclude<RefererVerdict, 'allow'>, string> = {
  'empty-denied': 'Access Denied. The request carries no Referer and the bucket\'s hotlink protection denies an empty Referer.',
  'black-listed': 'Access Denied. The Referer is on the bucket\'s hotlink protection blocklist.',
  'not-white-listed': 'Access Denied. The Referer is not on the bucket\'s hotlink protection allowlist.',
};

/**
 * Hotlink protection on an object read (GET/HEAD Object, and the static website's reads). It judges
 * anonymous and pre-signed-URL requests; a request signed in its `Authorization` header is not
 * referer-checked (what the official SDK suites expect of real COS; the public guide 436/13319 exempts
 * pre-signed URLs too: docs/decisions.md, "Hotlink protection judges anonymous and pre-signed
 * requests"). Blocklist hits and allowlist misses are 403 (436/13319); AccessDenied is COS's 403 code
 * (436/7730).
 */
export function enforceReferer(meta: MetaStore, bucket: string, req: IncomingMessage): void {
  const authorization = req.headers.authorization;
  if (authorization !== undefined && authorization !== '') return;
  const config = loadReferer(meta, bucket);
  if (!config) return;
  const verdict = judgeReferer(config, req.headers.referer);
  if (verdict !== 'allow') throw new CosError('AccessDenied', { message: REFUSALS[verdict] });
}
