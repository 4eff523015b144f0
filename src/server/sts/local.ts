// Local mode: GetFederationToken on cos-local's plain port (docs/cos-behaviour.md "Temporary keys
// (STS)"), as qcloud-cos-sts 3.1.3 sends it (sdk/sts.js) — a form POST signed with the Tencent Cloud
// API signature v1 (HmacSHA1 over `POST<host>/?<sorted k=v with raw values>`), Policy URL-encoded once
// before the form encodes it again. Written here rather than borrowed from cos-local, which the server
// must not import (docs/architecture.md "Import rules"); qcloud-cos-sts itself cannot be used because it
// forces https.
import { createHmac, randomInt } from 'node:crypto';
import { StsFailure, type FederationTokenRequest, type StsProvider, type TemporaryKey } from './types';

export const STS_VERSION = '2018-08-13';
/** The session name GetFederationToken records (the `Name` parameter). */
export const SESSION_NAME = 'cos-console';

/** The signed form body of one GetFederationToken call. */
export function federationTokenForm(request: FederationTokenRequest, host: string, nowMs: number, nonce: number): string {
  const params: Record<string, string> = {
    SecretId: request.credential.secretId,
    Timestamp: String(Math.floor(nowMs / 1000)),
    Nonce: String(nonce),
    Action: 'GetFederationToken',
    DurationSeconds: String(request.durationSeconds),
    Version: STS_VERSION,
    Region: request.region,
    Policy: encodeURIComponent(JSON.stringify(request.policy)),
    Name: SESSION_NAME,
  };
  const text = `POST${host}/?${Object.keys(params).sort().map((k) => `${k}=${params[k] ?? ''}`).join('&')}`;
  const signature = createHmac('sha1', request.credential.secretKey).update(text, 'utf8').digest('base64');
  return new URLSearchParams({ ...params, Signature: signature }).toString();
}

interface StsAnswer {
  Response?: {
    Credentials?: { Token?: unknown; TmpSecretId?: unknown; TmpSecretKey?: unknown };
    ExpiredTime?: unknown;
    Error?: { Code?: unknown; Message?: unknown };
  };
}

/** The temporary key in a Tencent Cloud API answer, or the StsFailure it reports. */
export function readFederationToken(answer: unknown, durationSeconds: number): TemporaryKey {
  const r = (answer as StsAnswer | null)?.Response;
  if (r?.Error) throw new StsFailure('refused', String(r.Error.Code ?? 'Unknown'), String(r.Error.Message ?? 'GetFederationToken failed'));
  const c = r?.Credentials;
  if (typeof c?.TmpSecretId !== 'string' || typeof c.TmpSecretKey !== 'string' || typeof c.Token !== 'string' || typeof r?.ExpiredTime !== 'number') {
    throw new StsFailure('unreachable', 'BadAnswer', 'GetFederationToken answered without credentials');
  }
  // qcloud-cos-sts does the same: startTime = ExpiredTime - durationSeconds (qcloud-cos-sts 3.1.3 sdk/sts.js).
  return { tmpSecretId: c.TmpSecretId, tmpSecretKey: c.TmpSecretKey, sessionToken: c.Token, startTime: r.ExpiredTime - durationSeconds, expiredTime: r.ExpiredTime };
}

/** `endpoint`: `http://127.0.0.1:<port>/`. */
export function localStsProvider(endpoint: string, now: () => number = Date.now): StsProvider {
  const url = new URL(endpoint);
  return {
    async getFederationToken(request) {
      const body = federationTokenForm(request, url.host, now(), randomInt(10000, 20001));
      let answer: unknown;
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
          body,
          signal: AbortSignal.timeout(15_000),
        });
        answer = await res.json();
      } catch (e) {
        throw new StsFailure('unreachable', 'Unreachable', `STS at ${url.host} did not answer: ${e instanceof Error ? e.message : String(e)}`);
      }
      return readFederationToken(answer, request.durationSeconds);
    },
  };
}
