// The settings history (docs/architecture.md "Settings history"). The browser changes a bucket setting
// at COS itself; around that write it asks the server to open a history entry (the server reads the
// value before) and to confirm it (the server reads the value after). Both reads use the session's own
// authority — the server's credential for console accounts that may change the setting, the session's
// key for API-key sessions — so what the history says was there is what COS answered, not what the
// browser claims. Who may:
// - open and confirm: whoever may change the setting (src/shared/access/setting-access.ts `write`);
//   only the session's own actor confirms an entry it opened;
// - list: whoever may read the setting (policy and ACL entries only with `settings`).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ConfirmChange, ListHistory, OpenChange, type RouteTypes } from '../../shared/api';
import { settingAccess } from '../../shared/access/setting-access';
import { TRACKED_SETTINGS, type TrackedSetting } from '../../shared/settings/codecs';
import type { AuditLog } from '../audit/audit-log';
import { auditActor, isAdmin, requireSession, type AuthContext } from '../auth/plugin';
import type { CosGateway, CosKey } from '../cos/cos-gateway';
import { ApiError, cosFailure } from '../errors';
import type { HistoryStore } from '../history/history-store';
import type { RegionPolicy } from '../region-policy';

/** A pending entry older than this can no longer be confirmed (the write it announced is long over). */
export const CONFIRM_WINDOW_MS = 15 * 60_000;

/** The grants the session is limited to; undefined for admins and API-key sessions (COS decides for a key). */
function grantsOf(auth: AuthContext) {
  if (isAdmin(auth) || auth.kind === 'api-key') return undefined;
  return auth.user?.grants ?? [];
}

/** The key to read a setting with: the session's own for an API key, else the server's. */
const keyOf = (auth: AuthContext): CosKey | undefined => (auth.kind === 'api-key' ? auth.credential : undefined);

/** A COS answer as the API's error: a refusal keeps COS's status and code, anything else is 502. */
function cosError(e: unknown): ApiError {
  const message = (e as { message?: unknown }).message;
  return cosFailure(e) ?? new ApiError(502, 'CosUnavailable', `COS could not be read: ${typeof message === 'string' ? message : String(e)}`);
}

export function historyRoutes(app: FastifyInstance, deps: { gateway: CosGateway; history: HistoryStore; audit: AuditLog; regions: RegionPolicy; now: () => number }): void {
  function refuse(request: FastifyRequest, bucket: string, setting: string, error: ApiError): never {
    deps.audit.record({ actor: auditActor(request.auth!), event: `settings.${setting}`, resource: bucket, outcome: 'refused', ip: request.ip, detail: error.message });
    throw error;
  }

  /** Refuses (and audits) unless the session may change `setting` of `bucket` in `region`. */
  function mayWrite(request: FastifyRequest, bucket: string, region: string, setting: TrackedSetting): void {
    const outside = deps.regions.refusal(region);
    if (outside) refuse(request, bucket, setting, outside);
    const access = settingAccess(grantsOf(request.auth!), bucket, setting);
    if (access.kind !== 'write') {
      refuse(request, bucket, setting, new ApiError(403, 'Forbidden', `"${request.auth!.label}" needs the ${access.missing} permission on the whole bucket ${bucket} to change its ${setting} configuration.`));
    }
  }

  async function read(auth: AuthContext, bucket: string, region: string, setting: TrackedSetting): Promise<unknown> {
    try {
      return await deps.gateway.readSetting(bucket, region, setting, keyOf(auth));
    } catch (e) {
      throw cosError(e);
    }
  }

  app.post<RouteTypes<typeof OpenChange>>(OpenChange.url, {
    preHandler: requireSession,
    schema: OpenChange.schema,
  }, async (request, reply) => {
    const { bucket } = request.params;
    const { region, setting, kind, rollbackOf } = request.body;
    mayWrite(request, bucket, region, setting);
    if (rollbackOf !== undefined) {
      const target = deps.history.get(rollbackOf);
      if (!target || target.bucket !== bucket || target.region !== region || target.setting !== setting || target.state !== 'confirmed') {
        throw new ApiError(400, 'InvalidRollback', `History entry ${rollbackOf} is not a recorded ${setting} change of ${bucket}.`);
      }
    }
    const before = await read(request.auth!, bucket, region, setting);
    const entry = deps.history.open({ bucket, region, setting, actor: auditActor(request.auth!), kind, ...(rollbackOf !== undefined ? { rollbackOf } : {}), before });
    return reply.code(201).send(entry);
  });

  app.post<RouteTypes<typeof ConfirmChange>>(ConfirmChange.url, {
    preHandler: requireSession,
    schema: ConfirmChange.schema,
  }, async (request) => {
    const { bucket, id } = request.params;
    const entry = deps.history.get(id);
    // Another session's entry is as good as missing: one cannot confirm (or probe) someone else's change.
    if (!entry || entry.bucket !== bucket || entry.actor !== auditActor(request.auth!)) {
      throw new ApiError(404, 'NoSuchChange', `There is no open change ${id} of ${bucket} for this session.`);
    }
    if (entry.state !== 'pending') throw new ApiError(409, 'AlreadyConfirmed', `Change ${id} was already confirmed.`);
    mayWrite(request, bucket, entry.region, entry.setting);
    if (deps.now() - entry.at > CONFIRM_WINDOW_MS) throw new ApiError(409, 'ChangeExpired', `Change ${id} was opened too long ago to be confirmed; the next change records the current value.`);
    const after = await read(request.auth!, bucket, entry.region, entry.setting);
    const confirmed = deps.history.confirm(id, after);
    deps.audit.record({
      actor: auditActor(request.auth!), event: `settings.${entry.setting}`, resource: bucket, outcome: 'ok', ip: request.ip,
      detail: `${entry.kind}${entry.rollbackOf !== undefined ? ` of #${entry.rollbackOf}` : ''}: ${confirmed.changed ? 'changed' : 'unchanged'} (history #${id})`,
    });
    return confirmed;
  });

  app.get<RouteTypes<typeof ListHistory>>(ListHistory.url, {
    preHandler: requireSession,
    schema: ListHistory.schema,
  }, async (request) => {
    const { bucket } = request.params;
    const { region, setting } = request.query;
    const outside = deps.regions.refusal(region);
    if (outside) throw outside;
    const grants = grantsOf(request.auth!);
    const wanted = setting ? [setting] : TRACKED_SETTINGS;
    const readable = wanted.filter((s) => settingAccess(grants, bucket, s).kind !== 'none');
    if (readable.length === 0) {
      throw new ApiError(403, 'Forbidden', `"${request.auth!.label}" may not read the ${setting ?? ''} settings of ${bucket}: it needs the settings (or, for most settings, list) permission on the whole bucket.`.replace('  ', ' '));
    }
    return { entries: deps.history.list(bucket, region, readable) };
  });
}
