// Request authentication: the COS signature (436/7778; our reading of it: docs/cos-behaviour.md "Signature").
// The Authorization comes from the header, or from the query of a pre-signed URL (the q-*
// parameters). Parameters not named in q-url-param-list are ignored, so extra ones may be added —
// except those that choose the operation or shape the response (subresources, versionId,
// response-*): unsigned, they would let a signature be replayed for another operation.
// A temporary (STS) SecretId is accepted with its `x-cos-security-token` — header, or query of a
// pre-signed URL (tencentcloud 436/45243) — which resolves it statelessly (principal.ts, sts/token.ts); the
// signature is then checked with the TmpSecretKey derived from the token's parent key.
// A URL may also carry the whole Authorization in one `sign` query parameter, as cos-nodejs-sdk-v5's
// getObjectUrl writes it (`?sign=<encoded Authorization>`) and its suite sends it to real COS — or
// the legacy V4 signature there (auth-v4.ts).
import type { IncomingHttpHeaders } from 'node:http';
import { CosError } from '../shared/errors/cos-error';
import { camSafeUrlEncode } from '../shared/signature/encode';
import { httpString } from '../shared/signature/canonical';
import { AUTH_QUERY_PARAMS, authorizationFields, parseAuthorization, parseTimeRange } from '../shared/signature/parse';
import { computeSignature } from '../shared/signature/sign';
import type { RequestQuery } from './query';
import { subresourceOf } from './subresources';
import { isV4Sign, verifyV4 } from './auth-v4';
import type { KeyEntry, Principal } from './principal';

/** How far in the future a signature may start (clock skew allowance), in seconds. */
export const MAX_SKEW_SECONDS = 900;

export interface AuthInput {
  method: string;
  headers: IncomingHttpHeaders;
  /** The one reading of the query (query.ts): names case-insensitive, each at most once. */
  query: RequestQuery;
  /** Candidate signed pathnames (see Route.signaturePaths). */
  signaturePaths: readonly string[];
  nowMs: number;
  /** The addressed bucket and key, which a V4 `sign` names (auth-v4.ts). */
  target?: { bucket: string | undefined; key: string };
}

export interface KeyLookup {
  /** A permanent key. */
  findKey(secretId: string): KeyEntry | undefined;
  /** A temporary key from its security token; throws InvalidAccessKeyId when it cannot be. */
  findTemporaryKey(secretId: string, securityToken: string, nowMs: number): KeyEntry;
}

export const SECURITY_TOKEN = 'x-cos-security-token';

/**
 * The security token: the header, or the query parameter of a pre-signed URL. Both at once with
 * different values is refused: which one named the key would depend on the reader.
 */
function securityToken(input: AuthInput): string | undefined {
  const header = input.headers[SECURITY_TOKEN];
  if (Array.isArray(header)) throw new CosError('InvalidArgument', { message: `The ${SECURITY_TOKEN} header is given more than once.` });
  const fromHeader = header === undefined || header === '' ? undefined : header;
  const param = input.query.get(SECURITY_TOKEN);
  const fromQuery = param === undefined || param === '' ? undefined : param;
  if (fromHeader !== undefined && fromQuery !== undefined && fromHeader !== fromQuery) {
    throw new CosError('InvalidArgument', { message: `${SECURITY_TOKEN} is given in both the header and the query, with different values.` });
  }
  return fromHeader ?? fromQuery;
}

/** A permanent key wins (a token sent along with it is ignored); otherwise a temporary one. */
function lookupKey(input: AuthInput, keys: KeyLookup, secretId: string): KeyEntry {
  const permanent = keys.findKey(secretId);
  if (permanent) return permanent;
  const token = securityToken(input);
  if (token === undefined) throw new CosError('InvalidAccessKeyId', { message: 'The access key Id you provided does not exist in our records.' });
  return keys.findTemporaryKey(secretId, token, input.nowMs);
}

/** The `sign` query parameter (decoded once), when the request has no other Authorization. */
function signParam(input: AuthInput): string | undefined {
  const v = input.query.get('sign');
  return v === undefined || v === '' ? undefined : v;
}

function authorizationSource(input: AuthInput): Map<string, string> | undefined {
  const header = input.headers.authorization;
  if (header !== undefined && header !== '') return authorizationFields(header);
  const fromQuery = input.query.params.filter((p) => AUTH_QUERY_PARAMS.has(p.name.toLowerCase()));
  if (fromQuery.length > 0) return new Map(fromQuery.map((p) => [p.name.toLowerCase(), p.value ?? '']));
  const sign = signParam(input);
  if (sign === undefined || isV4Sign(sign)) return undefined;
  // The query decoding already undid the one level of encoding the SDK applied to the whole value:
  // the fields are as in a header, except that q-url-param-list keeps its encoded names (`%3b` in a
  // name must not become a list separator), so values are not decoded again.
  const fields = new Map<string, string>();
  for (const part of sign.split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).toLowerCase(), part.slice(eq + 1));
  }
  return fields;
}

function headerValue(headers: IncomingHttpHeaders, name: string): string {
  const v = headers[name];
  return Array.isArray(v) ? v.join(', ') : (v ?? '');
}

/** Signed query parameters by name: the list holds encoded, lower-cased names. */
function signedParams(query: RequestQuery, list: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of list) {
    const p = query.params.find((q) => camSafeUrlEncode(q.name).toLowerCase() === name);
    // A listed parameter that is absent signs as `name=` (as one sent without a value).
    out[p?.name ?? name] = p?.value ?? '';
  }
  return out;
}

/** Who signed the request (anonymous without an Authorization), or a 403 CosError. */
export function authenticate(input: AuthInput, keys: KeyLookup): Principal {
  const fields = authorizationSource(input);
  if (!fields) {
    const sign = signParam(input);
    if (sign === undefined) return { kind: 'anonymous' };
    const target = input.target ?? { bucket: undefined, key: '' };
    return verifyV4({ sign, ...target, nowMs: input.nowMs, maxSkewSeconds: MAX_SKEW_SECONDS }, (id) => lookupKey(input, keys, id));
  }
  const parsed = parseAuthorization(fields);
  if (!parsed.ok) throw new CosError('AccessDenied', { message: `Authorization is malformed: ${parsed.reason}.` });
  const auth = parsed.value;
  if (auth.algorithm.toLowerCase() !== 'sha1') throw new CosError('AccessDenied', { message: 'q-sign-algorithm must be sha1.' });
  const key = lookupKey(input, keys, auth.accessKeyId);

  const window = parseTimeRange(auth.signTime);
  if (!window || !parseTimeRange(auth.keyTime)) throw new CosError('AccessDenied', { message: 'q-sign-time or q-key-time is malformed.' });
  const now = Math.floor(input.nowMs / 1000);
  // The SDKs retry after correcting their clock on exactly these two answers (cos-js-sdk-v5 1.10.1
  // src/base.js allowRetry).
  if (now > window.end) throw new CosError('AccessDenied', { message: 'Request has expired' });
  if (window.start > now + MAX_SKEW_SECONDS) throw new CosError('RequestTimeTooSkewed');

  const headers: Record<string, string> = {};
  for (const name of auth.headerList) headers[name] = headerValue(input.headers, name);
  const params = signedParams(input.query, auth.urlParamList);
  const valid = input.signaturePaths.some((pathname) => {
    const http = httpString(input.method, pathname, params, headers);
    return computeSignature(key.secretKey, auth.keyTime, auth.signTime, http) === auth.signature.toLowerCase();
  });
  if (!valid) throw new CosError('SignatureDoesNotMatch');
  const unsigned = input.query.params.find((p) => mustBeSigned(p.name) && !auth.urlParamList.includes(camSafeUrlEncode(p.name).toLowerCase()));
  if (unsigned) throw new CosError('SignatureDoesNotMatch', { message: `The query parameter "${unsigned.name}" changes the operation and must be signed.` });
  return key.principal;
}

function mustBeSigned(name: string): boolean {
  const lower = name.toLowerCase();
  return subresourceOf(name) !== undefined || lower === 'versionid' || lower.startsWith('response-');
}
