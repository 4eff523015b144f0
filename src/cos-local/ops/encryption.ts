// PUT/GET/DELETE Bucket encryption (436/40136, 436/40137, 436/40138): the bucket's default
// server-side encryption. The configuration is stored as its parsed model, so GET returns what was put;
// its effect (new objects recorded as SSE-COS) is applied in write-object.ts.
import { CosError } from '../../shared/errors/cos-error';
import { buildEncryptionXml, defaultAlgorithm, parseEncryptionXml, type EncryptionConfiguration } from '../../shared/xml/encryption';
import { readSmallBody } from '../body';
import type { OpHandler } from '../context';
import type { MetaStore } from '../store/types';
import { bucketOf } from './common';

export const ENCRYPTION_CONFIG = 'encryption';

/**
 * SSE-COS with AES256 is recorded and reported (as PUT Object's `x-cos-server-side-encryption: AES256`,
 * object-headers.ts); SM4 and SSE-KMS need key services cos-local does not have, so a default naming
 * them is refused rather than stored and silently not applied.
 */
function check(config: EncryptionConfiguration): void {
  if (config.rules.length > 1) throw new CosError('MalformedXML', { message: 'Only one encryption Rule is allowed.' });
  const d = config.rules[0]?.applyByDefault;
  if (!d) return;
  if (d.sseAlgorithm === 'KMS' || d.sseAlgorithm === 'SM4') {
    throw new CosError('NotImplemented', { message: `SSEAlgorithm ${d.sseAlgorithm} is not implemented by cos-local.` });
  }
  if (d.sseAlgorithm !== 'AES256') throw new CosError('MalformedXML', { message: 'SSEAlgorithm must be AES256, SM4 or KMS.' });
  if (d.kmsMasterKeyId !== undefined || d.kmsAlgorithm !== undefined) {
    throw new CosError('InvalidArgument', { message: 'KMSMasterKeyID and KMSAlgorithm apply only when SSEAlgorithm is KMS.' });
  }
}

export const putBucketEncryption: OpHandler = async (ctx) => {
  const bucket = bucketOf(ctx);
  const parsed = parseEncryptionXml((await readSmallBody(ctx.req)).toString('utf8'));
  if (!parsed.ok) throw new CosError('MalformedXML', { message: parsed.reason });
  check(parsed.value);
  ctx.store.meta.putConfig(bucket.name, ENCRYPTION_CONFIG, JSON.stringify(parsed.value));
  return {};
};

export function loadEncryption(meta: MetaStore, bucket: string): EncryptionConfiguration | undefined {
  const json = meta.getConfig(bucket, ENCRYPTION_CONFIG);
  return json === undefined ? undefined : (JSON.parse(json) as EncryptionConfiguration);
}

export const getBucketEncryption: OpHandler = async (ctx) => {
  const config = loadEncryption(ctx.store.meta, bucketOf(ctx).name);
  // The SDKs turn this 404 into an empty configuration (cos-js-sdk-v5 1.10.1 src/base.js getBucketEncryption).
  if (!config) throw new CosError('NoSuchEncryptionConfiguration');
  return { xml: buildEncryptionXml(config) };
};

export const deleteBucketEncryption: OpHandler = async (ctx) => {
  ctx.store.meta.deleteConfig(bucketOf(ctx).name, ENCRYPTION_CONFIG);
  return { status: 204 };
};

/**
 * An object's stored headers with the bucket default applied: `x-cos-server-side-encryption: AES256`
 * when the request named no encryption and the bucket's default is SSE-COS (436/40136).
 */
export function withDefaultEncryption(meta: MetaStore, bucket: string, headers: Record<string, string>): Record<string, string> {
  if (headers['x-cos-server-side-encryption'] !== undefined) return headers;
  const config = loadEncryption(meta, bucket);
  const algorithm = config && defaultAlgorithm(config);
  return algorithm === 'AES256' ? { ...headers, 'x-cos-server-side-encryption': algorithm } : headers;
}
