// Temporary keys (GetFederationToken, tencentcloud 436/14048) behind one interface with two
// implementations: local mode asks cos-local's STS over its plain
// port (local.ts), cloud mode uses qcloud-cos-sts (cloud.ts).
import type { PolicyJson } from '../../shared/policy/serialize';

/** A permanent key allowed to call GetFederationToken (a temporary key cannot). */
export interface StsCredential {
  secretId: string;
  secretKey: string;
}

export interface FederationTokenRequest {
  credential: StsCredential;
  /** The session policy: the key can do at most this, and at most what the credential can. */
  policy: PolicyJson;
  durationSeconds: number;
  /** The STS API's Region parameter (any region serves GetFederationToken). */
  region: string;
}

/** A temporary key, in epoch seconds. */
export interface TemporaryKey {
  tmpSecretId: string;
  tmpSecretKey: string;
  sessionToken: string;
  startTime: number;
  expiredTime: number;
}

export interface StsProvider {
  getFederationToken(request: FederationTokenRequest): Promise<TemporaryKey>;
}

/**
 * A failed GetFederationToken. `refused`: the STS service answered with an error (`code` is the
 * Tencent Cloud API error code); `unreachable`: no usable answer (network, TLS, not JSON).
 */
export class StsFailure extends Error {
  constructor(
    readonly kind: 'refused' | 'unreachable',
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'StsFailure';
  }
}

/**
 * Errors meaning "this key may not get temporary keys": a temporary key (its SecretId is not a
 * permanent key's, `AuthFailure.SecretIdNotFound`) or a sub-account without the STS permission
 * (`UnauthorizedOperation`, `AuthFailure.UnauthorizedOperation`) — Tencent Cloud API common error
 * codes (https://cloud.tencent.com/document/api/1312/48202). The console then signs per request.
 */
export function mayNotCallSts(e: StsFailure): boolean {
  return e.kind === 'refused' && (e.code === 'AuthFailure.SecretIdNotFound' || /^(AuthFailure\.)?UnauthorizedOperation/.test(e.code) || e.code.startsWith('OperationDenied'));
}
