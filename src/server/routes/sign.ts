// POST /api/sign: a COS Authorization for one request the browser is about to send, so the browser
// never holds a permanent key (docs/architecture.md "Rules the code keeps"). Input is what cos-js-sdk-v5
// passes to getAuthorization (cos-js-sdk-v5 1.10.1 src/base.js getAuthorizationAsync). The signature
// covers the method, the pathname, every query
// parameter and every header the SDK chose to sign (Host included), so it cannot be replayed for
// another operation.
//
// Every signature covers the Host, and is bound to its bucket (docs/security.md): when the Host names
// the bucket (virtual-hosted addressing, what the console uses in both modes) that is enough; when it
// does not (path-style: `127.0.0.1:9000/<bucket>/<key>` is signed as `/<key>`), the signature is made
// with a temporary key allowed only that action in that bucket (SigningKeys.forBound) — never with
// the server's own key, which would make it valid in every bucket.
//
// Who signs, by session:
// - console admin: the server's key, for any request whose Host names its bucket (or a service host);
// - console account with grants: the request's operation and resource are derived
//   (src/shared/access/request-scope.ts) and checked against the grants — 403 naming the missing
//   permission — then signed with a temporary key whose policy is the account's grants
//   (src/server/sts/signing-keys.ts explains why not with the server's key) limited to the request's
//   bucket (and a copy's source bucket), token returned along;
// - API-key session: the session's own key, token included for a temporary one; COS decides.
//
// The audit entry of a signature records the canonical request it covers (describeSigned).
//
// Share links: a body with `Expires` (seconds) asks for a signature meant to be put in a URL for
// someone else (cos-js-sdk-v5 getObjectUrl; tencentcloud 436/45243). Only GET/HEAD of one object; a console
// account needs `share` on it, and the link is signed with a key that can read only that object.
// Without `Expires` a signature lives SIGN_SECONDS.
import type { FastifyInstance } from 'fastify';
import type { Scope } from '../../shared/access/grants';
import { checkScope, deriveRequestScope, type DeriveResult } from '../../shared/access/request-scope';
import { hostBinding } from '../../shared/access/host-binding';
import { canonicalPairs } from '../../shared/signature/canonical';
import { keyTimeFrom, signRequest } from '../../shared/signature/sign';
import { Sign, type RouteTypes } from '../../shared/api';
import type { AuditLog } from '../audit/audit-log';
import { auditActor, requireSession, type AuthContext } from '../auth/plugin';
import { ApiError } from '../errors';
import type { RegionPolicy } from '../region-policy';
import { mayNotCallSts, StsFailure, type StsCredential, type TemporaryKey } from '../sts/types';
import type { SigningKeys } from '../sts/signing-keys';

type Scalar = string | number | boolean;

export interface SignRouteDeps {
  /** The server's own COS key (admins). */
  credential: { secretId: string; secretKey: string };
  signSeconds: number;
  now: () => number;
  audit: AuditLog;
  /** Temporary keys for console accounts with grants. */
  keys: SigningKeys;
  /** COS_ALLOWED_REGIONS, for every kind of session. */
  regions: RegionPolicy;
}

const stringify = (m: Record<string, Scalar> | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(m ?? {}).map(([k, v]) => [k, String(v)]));

interface Signer {
  secretId: string;
  secretKey: string;
  token?: string;
  /** The key's own expiry (epoch seconds): a signature never outlives it. */
  expiredTime?: number;
}

/**
 * The canonical request a signature covers, for the audit log: `METHOD host/path`, the signed
 * parameters and the signed headers as the signature encodes them. A security token is written as
 * its length only.
 */
export function describeSigned(method: string, pathname: string, query: Record<string, string>, headers: Record<string, string>): string {
  const host = Object.entries(headers).find(([k]) => k.toLowerCase() === 'host')?.[1] ?? '';
  const shown = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, k.toLowerCase() === 'x-cos-security-token' ? `(${v.length} characters)` : v]));
  const params = canonicalPairs(query).text;
  return `${method.toUpperCase()} ${host}${pathname}${params === '' ? '' : `?${params}`}\nsigned headers: ${canonicalPairs(shown).text}`;
}

const signerOf = (key: TemporaryKey): Signer => ({ secretId: key.tmpSecretId, secretKey: key.tmpSecretKey, token: key.sessionToken, expiredTime: key.expiredTime });

function accessOf(auth: AuthContext): Scope | undefined {
  if (auth.kind !== 'account' || !auth.user) return undefined;
  return auth.user.role === 'admin' ? { kind: 'admin' } : { kind: 'grants', grants: auth.user.grants };
}

export function signRoutes(app: FastifyInstance, deps: SignRouteDeps): void {
  app.post<RouteTypes<typeof Sign>>(Sign.url, {
    preHandler: requireSession,
    schema: Sign.schema,
  }, async (request) => {
    const auth = request.auth!;
    const body = request.body;
    const headers = stringify(body.Headers);
    const query = stringify(body.Query);
    const share = body.Expires !== undefined;
    const derived: DeriveResult = deriveRequestScope({
      Method: body.Method, Pathname: body.Pathname, Query: query, Headers: headers,
      ...(body.Bucket !== undefined ? { Bucket: body.Bucket } : {}), ...(body.Region !== undefined ? { Region: body.Region } : {}),
    }, { share });
    const method = body.Method.toUpperCase();
    const what = derived.ok ? derived.scope.resourceName : `${body.Bucket ?? ''}${body.Pathname}`;
    const entry = {
      actor: auditActor(auth), event: 'sign', ...(derived.ok ? { action: derived.scope.action } : {}), resource: what, ip: request.ip,
      ...(share ? { detail: `share link, ${body.Expires} s` } : {}),
      request: describeSigned(body.Method, body.Pathname, query, headers),
    };
    const refuse = (error: ApiError): never => {
      deps.audit.record({ ...entry, outcome: 'refused', detail: error.message });
      throw error;
    };

    const hostValue = Object.entries(headers).find(([h]) => h.toLowerCase() === 'host')?.[1];
    if (hostValue === undefined || hostValue === '') refuse(new ApiError(400, 'HostNotSigned', 'The Host header must be signed.'));
    const outside = deps.regions.signRefusal({ ...(body.Bucket !== undefined ? { Bucket: body.Bucket } : {}), ...(body.Region !== undefined ? { Region: body.Region } : {}), Headers: headers });
    if (outside) refuse(outside);
    const bucket = body.Bucket ?? '';
    const bound = hostBinding(hostValue ?? '', bucket) !== 'unbound';

    /** A key for this one action in this one bucket, made with `credential` (path-style requests). */
    const boundKey = async (credential: StsCredential | undefined, why: string): Promise<Signer> => {
      const unbound = `The Host ${hostValue ?? ''} does not name the bucket${bucket ? ` ${bucket}` : ''}`;
      if (bucket === '') return refuse(new ApiError(400, 'HostNotBound', `${unbound}: a service request is signed only for a service host (service.cos.<domain> or cos.<region>.<domain>).`));
      if (!derived.ok) return refuse(new ApiError(400, 'HostNotBound', `${unbound}, and ${method} ${what} cannot be narrowed to it: ${derived.reason}.`));
      const { scope } = derived;
      if (scope.region === undefined) return refuse(new ApiError(400, 'RegionRequired', 'Region is required to sign a path-style request.'));
      if (!credential) return refuse(new ApiError(400, 'HostNotBound', `${unbound}; ${why}. Address the bucket virtual-hosted (<bucket>.cos.<region>.<domain>).`));
      try {
        return signerOf(await deps.keys.forBound(scope.bucket, scope.region, scope.action, scope.copySource, credential));
      } catch (e) {
        if (e instanceof StsFailure && mayNotCallSts(e)) {
          return refuse(new ApiError(400, 'HostNotBound', `${unbound}, and STS refused a key bound to it (${e.code}). Address the bucket virtual-hosted (<bucket>.cos.<region>.<domain>).`));
        }
        request.log.error({ err: e }, 'temporary signing key refused');
        return refuse(new ApiError(502, 'StsError', `No temporary key could be obtained to sign with (${e instanceof StsFailure ? e.code : 'Error'}).`));
      }
    };

    const access = accessOf(auth);
    let signer: Signer;
    if (auth.kind === 'api-key' && auth.credential) {
      // COS decides what the key may do; a path-style signature is bound with a temporary key of its own.
      const own = auth.credential;
      signer = bound ? { ...own }
        : await boundKey(own.token === undefined ? { secretId: own.secretId, secretKey: own.secretKey } : undefined, 'a temporary key cannot get a narrower temporary key to sign it with');
    } else if (access?.kind === 'admin') {
      signer = bound ? deps.credential : await boundKey(deps.credential, 'the server key is never used unbound');
    } else {
      const user = auth.user;
      if (!access || !user) return refuse(new ApiError(403, 'Forbidden', 'This session cannot have requests signed.'));
      if (!derived.ok) return refuse(new ApiError(403, 'Forbidden', `${method} ${what} cannot be authorized for "${auth.label}": ${derived.reason}.`));
      const check = checkScope(access, derived.scope);
      if (!check.allowed) return refuse(new ApiError(403, 'Forbidden', `"${auth.label}" may not ${method} ${what} (${derived.scope.action}): it needs ${check.missing}.`));
      const { scope } = derived;
      if (scope.region === undefined) return refuse(new ApiError(400, 'RegionRequired', 'Region is required to sign for a console account.'));
      // The key can do what the grants allow in this bucket (and a copy's source bucket) only, so even
      // a path-style signature cannot be replayed in another bucket.
      const buckets = new Set([scope.bucket, ...(scope.copySource ? [scope.copySource.bucket] : [])]);
      try {
        const key = scope.share && scope.resource.kind === 'object'
          ? await deps.keys.forShare(scope.bucket, scope.region, scope.resource.key, body.Expires ?? deps.signSeconds)
          : await deps.keys.forGrants(user.id, user.grants.filter((g) => buckets.has(g.bucket)), scope.region);
        signer = signerOf(key);
      } catch (e) {
        request.log.error({ err: e }, 'temporary signing key refused');
        const code = e instanceof StsFailure ? e.code : 'Error';
        return refuse(new ApiError(502, 'StsError', `No temporary key could be obtained to sign with (${code}).`));
      }
    }

    const nowMs = deps.now();
    let keyTime = keyTimeFrom(nowMs, body.Expires ?? deps.signSeconds);
    if (signer.expiredTime !== undefined) {
      const [start = '', end = ''] = keyTime.split(';');
      if (Number(end) > signer.expiredTime) keyTime = `${start};${signer.expiredTime}`;
    }
    const authorization = signRequest({
      secretId: signer.secretId, secretKey: signer.secretKey, method: body.Method, pathname: body.Pathname, query, headers, keyTime,
    });
    deps.audit.record({ ...entry, outcome: 'allowed' });
    return signer.token === undefined ? { Authorization: authorization } : { Authorization: authorization, SecurityToken: signer.token };
  });
}
