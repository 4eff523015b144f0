// Server-side COS calls, only where a browser cannot make them: real COS sends no CORS headers on the
// service endpoint (docs/cos-behaviour.md "CORS"), so listing buckets — and checking an API key at sign-in —
// happens here. Uses the official Node SDK; in local mode its `Ip` option sends requests to cos-local
// with production Host headers.
import { createHash } from 'node:crypto';
import COS from 'cos-nodejs-sdk-v5';
import { reachesConsole, withConsoleRule } from '../../shared/cors/console-rule';
import { buildCorsXml, type CorsConfiguration } from '../../shared/xml/cors';
import { codecOf, readSettingAnswer, type SettingRead, type TrackedSetting, type TrackedSettings } from '../../shared/settings/codecs';
import type { CosTarget } from '../config';

export interface BucketSummary {
  name: string;
  region: string;
  creationDate: string;
}

/** A COS key pair, permanent or temporary (with its security token). */
export interface CosKey {
  secretId: string;
  secretKey: string;
  token?: string;
}

/**
 * The answer of COS to GET Service signed with a key. `canListBuckets: false` is a key COS accepted
 * (the signature checked out) whose owner may not list buckets (AccessDenied): still a valid key.
 */
export type CredentialCheck = { valid: true; canListBuckets: boolean } | { valid: false; code: string };

export interface CosGateway {
  /** With the server's credential, or with a session's key (API-key sessions). */
  listBuckets(key?: CosKey): Promise<BucketSummary[]>;
  /** Checks a key against COS; throws when COS cannot be reached or answers something unexpected. */
  verifyCredential(key: CosKey): Promise<CredentialCheck>;
  /** PUT Bucket with the server's credential (a browser gets no CORS answer for a bucket not yet made). */
  createBucket(name: string, region: string): Promise<void>;
  /**
   * Adds the console's CORS rule to the bucket unless a rule already covers the console origin; with
   * the server's credential, or with an API-key session's own key.
   */
  ensureConsoleCors(bucket: string, region: string, origin: string, key?: CosKey): Promise<'added' | 'present'>;
  /** Whether the bucket's CORS rules already let `origin` make the console's requests (GET Bucket cors). */
  consoleCorsReachable(bucket: string, region: string, origin: string, key?: CosKey): Promise<boolean>;
  /**
   * A bucket setting as COS keeps it (null: none configured), read with the server's credential or a
   * session's key: the settings history's "before" and "after" (src/server/history). Throws the SDK's
   * error for a refusal, and an Error for an answer the shared codec cannot read.
   */
  readSetting<K extends TrackedSetting>(bucket: string, region: string, name: K, key?: CosKey): Promise<TrackedSettings[K]>;
}

/** Codes COS gives a key it does not accept (436/7730, error codes): not the key's owner's permissions. */
const REJECTED_KEY_CODES = new Set(['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'InvalidSecurityToken', 'ExpiredToken', 'InvalidToken', 'TokenExpired']);

interface SdkError {
  code?: string;
  statusCode?: number;
}

export function createCosGateway(target: CosTarget): CosGateway {
  const client = (key: CosKey): COS =>
    new COS({
      SecretId: key.secretId,
      SecretKey: key.secretKey,
      ...(key.token ? { SecurityToken: key.token } : {}),
      Protocol: target.protocol,
      ...(target.ip ? { Ip: target.ip } : {}),
      // COS_DOMAIN / COS_SERVICE_DOMAIN: the same endpoint template as the browser (config-domain.ts).
      ...(target.serverDomain ? { Domain: target.serverDomain } : {}),
      ...(target.serverServiceDomain ? { ServiceDomain: target.serverServiceDomain } : {}),
      Timeout: 15_000,
    });
  const server = client({ secretId: target.secretId, secretKey: target.secretKey });
  const list = async (cos: COS): Promise<BucketSummary[]> => {
    const result = await cos.getService({});
    return (result.Buckets ?? []).map((b) => ({ name: b.Name, region: b.Location, creationDate: b.CreationDate }));
  };
  // A setting's raw XML (or JSON) through the SDK's generic request, read by the shared codec: kept
  // verbatim (src/shared/settings/codecs.ts). Throws the SDK's error for anything but "none configured".
  const readWith = async <K extends TrackedSetting>(cos: COS, bucket: string, region: string, name: K): Promise<SettingRead<K>> => {
    const codec = codecOf(name);
    let answer: { body: string } | { missingCode: string };
    try {
      const r = await cos.request({ Method: 'GET', Bucket: bucket, Region: region, Action: codec.subresource, RawBody: true } as COS.RequestParams);
      answer = { body: String(r.Body ?? '') };
    } catch (e) {
      const err = e as SdkError;
      if (err.statusCode !== 404 || err.code === undefined || !codec.missing.includes(err.code)) throw e;
      answer = { missingCode: err.code };
    }
    return readSettingAnswer(name, answer);
  };
  /** The bucket's CORS rules; undefined when it has none (or none the codec can read). */
  const currentCors = async (cos: COS, bucket: string, region: string): Promise<CorsConfiguration | undefined> => {
    const read = await readWith(cos, bucket, region, 'cors');
    return read.ok ? (read.value ?? undefined) : undefined;
  };
  return {
    listBuckets: (key) => list(key ? client(key) : server),
    async readSetting(bucket, region, name, key) {
      const read = await readWith(key ? client(key) : server, bucket, region, name);
      if (!read.ok) throw new Error(`unreadable ${name} configuration: ${read.reason}`);
      return read.value;
    },
    async createBucket(name, region) {
      await server.putBucket({ Bucket: name, Region: region });
    },
    async consoleCorsReachable(bucket, region, origin, key) {
      return reachesConsole(await currentCors(key ? client(key) : server, bucket, region), origin);
    },
    async ensureConsoleCors(bucket, region, origin, key) {
      const cos = key ? client(key) : server;
      const current = await currentCors(cos, bucket, region);
      if (reachesConsole(current, origin)) return 'present';
      const body = buildCorsXml(withConsoleRule(current, origin));
      await cos.request({
        Method: 'PUT', Bucket: bucket, Region: region, Action: 'cors', Body: body,
        Headers: { 'Content-Type': 'application/xml', 'Content-MD5': createHash('md5').update(body).digest('base64') },
      } as COS.RequestParams);
      return 'added';
    },
    async verifyCredential(key) {
      try {
        await client(key).getService({});
        return { valid: true, canListBuckets: true };
      } catch (e) {
        const err = e as SdkError;
        // COS authenticates before it authorizes: AccessDenied means the signature was good.
        if (err.code === 'AccessDenied') return { valid: true, canListBuckets: false };
        if (err.code !== undefined && REJECTED_KEY_CODES.has(err.code)) return { valid: false, code: err.code };
        throw e;
      }
    },
  };
}
