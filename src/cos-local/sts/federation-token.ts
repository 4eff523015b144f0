// STS GetFederationToken (Version 2018-08-13) exactly as qcloud-cos-sts 3.1.3 sends it
// (sdk/sts.js getCredential): a form POST signed with signature v1, Policy URL-encoded once more than the
// form does. Doc: https://www.tencentcloud.com/document/api/598/35838 — Name and Policy required,
// DurationSeconds default 1800, at most 7200 for a root account and 129600 for a sub-account.
// The caller is a permanent key of the accounts file; the temporary key it gets is stateless
// (token.ts). Its permissions are the intersection of the caller's and the policy's, decided at
// authorization time from the Principal the token resolves to (principal.ts).
import { parsePolicy } from '../../shared/policy/parse';
import type { KeyEntry } from '../principal';
import { checkFederationPermission } from './cam-permission';
import { StsError } from './errors';
import { sameSignature, signV1, stringToSignV1 } from './signature-v1';
import { deriveTmpSecretKey, issueToken } from './token';

export const STS_VERSION = '2018-08-13';
export const DEFAULT_DURATION_SECONDS = 1800;
export const MAX_DURATION_ROOT = 7200;
export const MAX_DURATION_SUB = 129_600;
/** "Timestamp 和服务器时间相差不得超过五分钟" (AuthFailure.SignatureExpire, common error codes). */
export const MAX_TIMESTAMP_SKEW_SECONDS = 300;

// The other actions of STS 2018-08-13: real, but not implemented by cos-local.
const OTHER_STS_ACTIONS = new Set([
  'AssumeRole', 'AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity', 'GetCallerIdentity', 'GetSessionToken', 'QueryApiKey',
]);

export interface StsRequest {
  method: string;
  /** The Host header as received (port included): it is signed. */
  host: string;
  /** The request path (without the query). */
  path: string;
  contentType: string | undefined;
  body: string;
}

export interface StsDeps {
  /** Permanent keys only: temporary keys cannot ask for more temporary keys. */
  keys: { findKey(secretId: string): KeyEntry | undefined };
  nowMs: number;
  /** A fresh TmpSecretId (`AKID…`). */
  newTmpSecretId: () => string;
}

export interface FederationToken {
  Credentials: { Token: string; TmpSecretId: string; TmpSecretKey: string };
  /** Epoch seconds. */
  ExpiredTime: number;
  /** ISO 8601 without milliseconds, e.g. `2017-09-26T13:41:09Z`. */
  Expiration: string;
}

/** First value of each form parameter. */
function formParams(body: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const [k, v] of new URLSearchParams(body)) if (!params.has(k)) params.set(k, v);
  return params;
}

function required(params: ReadonlyMap<string, string>, name: string): string {
  const v = params.get(name);
  if (v === undefined || v === '') throw new StsError('MissingParameter', `The request is missing a required parameter \`${name}\`.`);
  return v;
}

function checkContentType(contentType: string | undefined): void {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === '' || type === 'application/x-www-form-urlencoded') return;
  throw new StsError('UnsupportedOperation',
    `cos-local's STS takes form POSTs signed with signature v1 (what qcloud-cos-sts sends); Content-Type ${type} (signature v3) is not implemented.`);
}

function checkAction(params: ReadonlyMap<string, string>): void {
  const action = required(params, 'Action');
  if (action === 'GetFederationToken') return;
  if (OTHER_STS_ACTIONS.has(action)) throw new StsError('UnsupportedOperation', `The action \`${action}\` is not implemented by cos-local.`);
  throw new StsError('InvalidAction', `The action \`${action}\` does not exist.`);
}

/** Who is calling: a permanent key whose signature over this request verifies. */
function authenticate(req: StsRequest, params: ReadonlyMap<string, string>, deps: StsDeps): KeyEntry & { secretId: string } {
  const secretId = required(params, 'SecretId');
  const timestamp = required(params, 'Timestamp');
  required(params, 'Nonce');
  const signature = required(params, 'Signature');
  const method = params.get('SignatureMethod') ?? 'HmacSHA1';
  if (method !== 'HmacSHA1' && method !== 'HmacSHA256') throw new StsError('InvalidParameterValue', `SignatureMethod \`${method}\` is not HmacSHA1 or HmacSHA256.`);
  if (!/^\d{1,12}$/.test(timestamp)) throw new StsError('InvalidParameterValue', `Timestamp \`${timestamp}\` is not a Unix time in seconds.`);
  const now = Math.floor(deps.nowMs / 1000);
  if (Math.abs(now - Number(timestamp)) > MAX_TIMESTAMP_SKEW_SECONDS) {
    throw new StsError('AuthFailure.SignatureExpire',
      `Signature expired: Timestamp ${timestamp} is more than ${MAX_TIMESTAMP_SKEW_SECONDS} seconds away from the server time ${now}.`);
  }
  const key = deps.keys.findKey(secretId);
  if (!key) throw new StsError('AuthFailure.SecretIdNotFound', 'SecretId is not found, please ensure that your SecretId is correct.');
  const expected = signV1(key.secretKey, stringToSignV1(req.method, req.host, req.path, params), method);
  if (!sameSignature(expected, signature)) {
    throw new StsError('AuthFailure.SignatureFailure', 'The provided credentials could not be validated. Please check your signature is correct.');
  }
  return { ...key, secretId };
}

/** The session policy as JSON text: the form value is URL-encoded once more (qcloud-cos-sts). */
function sessionPolicy(params: ReadonlyMap<string, string>): string {
  const raw = params.get('Policy');
  if (raw === undefined || raw === '') throw new StsError('InvalidParameter', 'The parameter `Policy` is required.');
  let text: string;
  try {
    text = decodeURIComponent(raw);
  } catch {
    throw new StsError('InvalidParameter', 'Policy is not URL-encoded correctly.');
  }
  const parsed = parsePolicy(text, { kind: 'session' });
  if (!parsed.ok) {
    const first = parsed.errors[0];
    throw new StsError('InvalidParameter', `Policy is not a valid policy: ${first ? `${first.path || '/'}: ${first.message}` : 'invalid'}.`);
  }
  return text;
}

function duration(params: ReadonlyMap<string, string>, max: number): number {
  const raw = params.get('DurationSeconds');
  if (raw === undefined || raw === '') return DEFAULT_DURATION_SECONDS;
  const n = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= 1 && n <= max)) throw new StsError('InvalidParameterValue', `DurationSeconds must be an integer from 1 to ${max} for this account, got \`${raw}\`.`);
  return n;
}

/** Issues a temporary key, or throws StsError. */
export function getFederationToken(req: StsRequest, deps: StsDeps): FederationToken {
  checkContentType(req.contentType);
  const params = formParams(req.body);
  checkAction(params);
  const caller = authenticate(req, params, deps);
  checkFederationPermission(caller);
  const version = required(params, 'Version');
  if (version !== STS_VERSION) throw new StsError('InvalidParameterValue', `Version \`${version}\` is not ${STS_VERSION}.`);
  required(params, 'Name');
  const policy = sessionPolicy(params);
  const seconds = duration(params, caller.principal.kind === 'root' ? MAX_DURATION_ROOT : MAX_DURATION_SUB);

  const exp = Math.floor(deps.nowMs / 1000) + seconds;
  const tmpSecretId = deps.newTmpSecretId();
  const token = issueToken({ v: 1, parentSecretId: caller.secretId, tmpSecretId, exp, policy }, caller.secretKey);
  return {
    Credentials: { Token: token, TmpSecretId: tmpSecretId, TmpSecretKey: deriveTmpSecretKey(caller.secretKey, tmpSecretId) },
    ExpiredTime: exp,
    Expiration: new Date(exp * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
}
