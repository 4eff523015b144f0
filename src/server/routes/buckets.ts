// GET /api/buckets: the buckets the session may see, listed server-side (a browser cannot call the
// COS service endpoint: no CORS there, docs/cos-behaviour.md "CORS"). A restricted console account sees only
// the buckets its grants name; an admin everything the server's credential lists; an API-key session
// what its own key lists.
//
// POST /api/buckets (create) is an admin action with the server's credential — a browser cannot do
// it before the bucket has a CORS rule for the console.
//
// "Let this console reach the bucket" (docs/cos-behaviour.md "CORS"): a browser sees a bucket without a
// CORS rule for the console only as a network error (no status, no body), so the console asks the
// server. GET /api/buckets/:bucket/console-cors says whether the bucket's rules let the console's
// origin make its requests; POST adds the minimal rule (src/shared/cors/console-rule.ts). Who, with
// which key:
// - admin: the server's credential (ask and fix);
// - API-key session: its own key (ask and fix) — COS decides; in cloud mode its buckets need not be
//   the server's;
// - restricted console account: may ask about a bucket one of its grants names (server's credential,
//   read only); fixing is an administrator's job (403 saying so).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CreateBucket, FixConsoleCors, GetConsoleCors, ListBuckets, type BucketParams, type RouteTypes } from '../../shared/api';
import { parseBucketName } from '../../shared/cos/bucket-name';
import type { AuditLog } from '../audit/audit-log';
import { auditActor, isAdmin, requireAdmin, requireSession, type AuthContext } from '../auth/plugin';
import type { CosGateway, CosKey } from '../cos/cos-gateway';
import { ApiError, cosFailure } from '../errors';
import type { RegionPolicy } from '../region-policy';

/**
 * The console's own origin, as the browser sends it (the CSRF guard already checked it is this host).
 * A same-origin GET carries no Origin header (Fetch spec), so the status check falls back to the Host.
 */
function consoleOrigin(request: FastifyRequest): string {
  return request.headers.origin ?? `${request.protocol}://${request.headers.host ?? ''}`;
}

/** The key to read or change a bucket's CORS with for this session (undefined: the server's), or why not. */
function corsKey(auth: AuthContext, bucket: string, intent: 'check' | 'fix'): { key: CosKey | undefined } | ApiError {
  if (isAdmin(auth)) return { key: undefined };
  if (auth.kind === 'api-key' && auth.credential) return { key: auth.credential };
  if (intent === 'fix') {
    return new ApiError(403, 'Forbidden', 'Only a console administrator can let the console reach this bucket; ask an administrator to add the console\'s CORS rule.');
  }
  const granted = (auth.user?.grants ?? []).some((g) => g.bucket === bucket);
  return granted ? { key: undefined } : new ApiError(403, 'Forbidden', `"${auth.label}" has no grant on ${bucket}.`);
}

export function bucketRoutes(app: FastifyInstance, deps: { gateway: CosGateway; audit: AuditLog; regions: RegionPolicy }): void {
  /**
   * The console-cors check or fix for this session: refused (region, who) or run with the key
   * corsKey picks, audited either way with the outcome COS gave.
   */
  async function corsAction<T extends boolean | 'added' | 'present'>(
    request: FastifyRequest<{ Params: BucketParams }>, region: string, intent: 'check' | 'fix',
    run: (key: CosKey | undefined, origin: string) => Promise<T>,
  ): Promise<{ result: T; origin: string }> {
    const { bucket } = request.params;
    const origin = consoleOrigin(request);
    const entry = intent === 'check'
      ? { event: 'settings.cors.check', action: 'name/cos:GetBucketCORS' }
      : { event: 'settings.cors', action: 'name/cos:PutBucketCORS' };
    const base = { actor: auditActor(request.auth!), ...entry, resource: bucket, ip: request.ip };
    const who = deps.regions.refusal(region) ?? corsKey(request.auth!, bucket, intent);
    if (who instanceof ApiError) {
      deps.audit.record({ ...base, outcome: 'refused', detail: who.message });
      throw who;
    }
    let result: T;
    try {
      result = await run(who.key, origin);
    } catch (e) {
      deps.audit.record({ ...base, outcome: 'failed', detail: String((e as { code?: unknown }).code ?? 'error') });
      throw cosFailure(e) ?? e;
    }
    const detail = intent === 'check' ? `${result ? 'reachable' : 'not reachable'} from ${origin}` : `console rule ${String(result)} for ${origin}`;
    deps.audit.record({ ...base, outcome: 'ok', detail });
    return { result, origin };
  }

  app.post<RouteTypes<typeof CreateBucket>>(CreateBucket.url, {
    preHandler: requireAdmin,
    schema: CreateBucket.schema,
  }, async (request, reply) => {
    const { name, region } = request.body;
    // COS_ALLOWED_REGIONS (region-policy.ts): refused and audited like any other refusal.
    const outside = deps.regions.refusal(region);
    if (outside) {
      deps.audit.record({ actor: auditActor(request.auth!), event: 'bucket.create', resource: name, outcome: 'refused', ip: request.ip, detail: outside.message });
      throw outside;
    }
    const parsed = parseBucketName(name);
    if (!parsed.ok) throw new ApiError(400, 'InvalidBucketName', `The bucket name is invalid: ${parsed.reason}.`);
    try {
      await deps.gateway.createBucket(name, region);
    } catch (e) {
      deps.audit.record({ actor: auditActor(request.auth!), event: 'bucket.create', resource: name, outcome: 'failed', ip: request.ip, detail: String((e as { code?: unknown }).code ?? 'error') });
      throw cosFailure(e) ?? e;
    }
    deps.audit.record({ actor: auditActor(request.auth!), event: 'bucket.create', resource: name, outcome: 'ok', ip: request.ip, detail: region });
    return reply.code(201).send({ name, region });
  });

  app.get<RouteTypes<typeof GetConsoleCors>>(GetConsoleCors.url, {
    preHandler: requireSession,
    schema: GetConsoleCors.schema,
  }, async (request) => {
    const { result: reachable, origin } = await corsAction(request, request.query.region, 'check', (key, from) =>
      deps.gateway.consoleCorsReachable(request.params.bucket, request.query.region, from, key));
    return { reachable, origin };
  });

  app.post<RouteTypes<typeof FixConsoleCors>>(FixConsoleCors.url, {
    preHandler: requireSession,
    schema: FixConsoleCors.schema,
  }, async (request) => {
    const { result: status, origin } = await corsAction(request, request.body.region, 'fix', (key, from) =>
      deps.gateway.ensureConsoleCors(request.params.bucket, request.body.region, from, key));
    return { status, origin };
  });

  app.get<RouteTypes<typeof ListBuckets>>(ListBuckets.url, {
    preHandler: requireSession,
    schema: ListBuckets.schema,
  }, async (request) => {
    // An API-key session lists with its own key (COS decides what it sees), never the server's.
    const credential = request.auth?.kind === 'api-key' ? request.auth.credential : undefined;
    let buckets;
    try {
      buckets = await deps.gateway.listBuckets(credential);
    } catch (e) {
      if (credential && (e as { code?: unknown }).code === 'AccessDenied') {
        throw new ApiError(403, 'AccessDenied', 'This key may not list buckets; open a bucket by its name.');
      }
      throw e;
    }
    const auth = request.auth;
    if (auth?.kind === 'account' && !isAdmin(auth)) {
      const granted = new Set((auth.user?.grants ?? []).map((g) => g.bucket));
      buckets = buckets.filter((b) => granted.has(b.name));
    }
    // COS_ALLOWED_REGIONS: buckets of other regions are not this console's (region-policy.ts).
    buckets = deps.regions.filter(buckets);
    buckets.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return { buckets };
  });
}
