// POST /api/sts: temporary keys for a declared task — `{ bucket, region, prefix, actions }`, optional
// upload limits `maxSize` (bytes) and `contentTypes` — answered in the shape getAuthorization accepts
// (cos-js-sdk-v5 1.10.1 src/base.js getAuthorizationAsync): `{ TmpSecretId, TmpSecretKey, SecurityToken,
// StartTime, ExpiredTime }`.
//
// The policy follows COS's guide for front-end temporary keys (https://www.tencentcloud.com/document/product/436/35265;
// src/shared/access/sts-policy.ts taskPolicy): exact actions,
// one statement per action/resource pair, never wider than the person's grant, limits as conditions.
// Console accounts get keys issued from the server's key, after their grants are checked (bad example
// 4: "the STS endpoint must authorize the requesting user"). API-key sessions get keys issued from
// their own key, so COS bounds them by what that key may do; when that key may not call STS (a
// temporary key, or a sub-account without the STS permission) the answer is 409 StsUnavailable and
// the console signs per request with /api/sign instead.
import type { FastifyInstance } from 'fastify';
import type { Scope } from '../../shared/access/grants';
import { taskPolicy } from '../../shared/access/sts-policy';
import { Sts, type RouteTypes } from '../../shared/api';
import type { AuditLog } from '../audit/audit-log';
import { auditActor, requireSession } from '../auth/plugin';
import { ApiError } from '../errors';
import type { RegionPolicy } from '../region-policy';
import { mayNotCallSts, StsFailure, type StsCredential, type StsProvider } from '../sts/types';

export interface StsRouteDeps {
  provider: StsProvider;
  /** The server's own COS key: console accounts' keys are issued from it. */
  credential: StsCredential;
  /** STS_SECONDS. */
  durationSeconds: number;
  audit: AuditLog;
  /** COS_ALLOWED_REGIONS, for every kind of session. */
  regions: RegionPolicy;
}

const STS_UNAVAILABLE = 'StsUnavailable';

export function stsRoutes(app: FastifyInstance, deps: StsRouteDeps): void {
  app.post<RouteTypes<typeof Sts>>(Sts.url, {
    preHandler: requireSession,
    schema: Sts.schema,
  }, async (request) => {
    const auth = request.auth!;
    const task = request.body;
    const entry = { actor: auditActor(auth), event: 'sts', action: task.actions.join(' '), resource: `${task.bucket}/${task.prefix}`, ip: request.ip };
    const refuse = (error: ApiError): never => {
      deps.audit.record({ ...entry, outcome: 'refused', detail: error.message });
      throw error;
    };

    const outside = deps.regions.refusal(task.region);
    if (outside) return refuse(outside);

    let credential: StsCredential;
    let access: Scope | undefined;
    if (auth.kind === 'api-key' && auth.credential) {
      // GetFederationToken takes permanent keys only (tencentcloud 436/14048).
      if (auth.credential.token !== undefined) {
        return refuse(new ApiError(409, STS_UNAVAILABLE, 'This session uses a temporary key, which cannot get temporary keys; sign each request with /api/sign.'));
      }
      credential = { secretId: auth.credential.secretId, secretKey: auth.credential.secretKey };
    } else if (auth.kind === 'account' && auth.user) {
      credential = deps.credential;
      access = auth.user.role === 'admin' ? { kind: 'admin' } : { kind: 'grants', grants: auth.user.grants };
    } else {
      return refuse(new ApiError(403, 'Forbidden', 'This session cannot get temporary keys.'));
    }

    const policy = taskPolicy(task, access);
    if (!policy.ok) return refuse(new ApiError(policy.status, policy.code, policy.message));
    try {
      const key = await deps.provider.getFederationToken({ credential, policy: policy.json, durationSeconds: deps.durationSeconds, region: task.region });
      deps.audit.record({ ...entry, outcome: 'allowed', detail: `expires ${new Date(key.expiredTime * 1000).toISOString()}` });
      return { TmpSecretId: key.tmpSecretId, TmpSecretKey: key.tmpSecretKey, SecurityToken: key.sessionToken, StartTime: key.startTime, ExpiredTime: key.expiredTime };
    } catch (e) {
      if (!(e instanceof StsFailure)) throw e;
      if (auth.kind === 'api-key' && mayNotCallSts(e)) {
        return refuse(new ApiError(409, STS_UNAVAILABLE, `COS STS refused this key (${e.code}); sign each request with /api/sign.`));
      }
      request.log.error({ err: e }, 'GetFederationToken failed');
      return refuse(new ApiError(502, 'StsError', `The STS service refused the request (${e.code}).`));
    }
  });
}
