// Test helper: a GetFederationToken form body signed exactly as qcloud-cos-sts 3.1.3 signs it
// (node_modules/qcloud-cos-sts/sdk/sts.js `_getCredential`), written out independently of the
// server's verifier so the two check each other. For the plain port, which qcloud-cos-sts cannot
// reach (its scheme is fixed to https).
import { createHmac } from 'node:crypto';

export interface FormOptions {
  secretId: string;
  secretKey: string;
  /** `host[:port]` as the request's Host header will carry it. */
  host: string;
  policy?: unknown;
  durationSeconds?: number;
  /** Epoch seconds. Default: now. */
  timestamp?: number;
  /** Replace (string) or remove (undefined) parameters before signing. */
  params?: Record<string, string | undefined>;
  /** Sign with this key instead (a wrong signature). */
  signWith?: string;
  /** Sent as SignatureMethod when given; HmacSHA1 when absent, as qcloud-cos-sts does. */
  method?: 'HmacSHA1' | 'HmacSHA256';
}

/** `application/x-www-form-urlencoded` body, Signature included. */
export function signedStsForm(o: FormOptions): string {
  const params: Record<string, string> = {
    SecretId: o.secretId,
    Timestamp: String(o.timestamp ?? Math.floor(Date.now() / 1000)),
    Nonce: String(12345),
    Action: 'GetFederationToken',
    DurationSeconds: String(o.durationSeconds ?? 1800),
    Version: '2018-08-13',
    Region: 'ap-guangzhou',
    // Encoded once here, and once more by the form: "Policy double-encoded on the wire".
    Policy: encodeURIComponent(JSON.stringify(o.policy ?? {})),
    Name: 'cos-sts-nodejs',
    ...(o.method === undefined ? {} : { SignatureMethod: o.method }),
  };
  for (const [k, v] of Object.entries(o.params ?? {})) {
    if (v === undefined) delete params[k];
    else params[k] = v;
  }
  const text = `POST${o.host}/?${Object.keys(params).sort().map((k) => `${k}=${params[k] ?? ''}`).join('&')}`;
  params['Signature'] = createHmac(o.method === 'HmacSHA256' ? 'sha256' : 'sha1', o.signWith ?? o.secretKey).update(text, 'utf8').digest('base64');
  return Object.entries(params).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}
