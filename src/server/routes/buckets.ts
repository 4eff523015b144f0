// GET /api/buckets: the buckets the session may see, listed server-side (a browser cannot call the
// COS service endpoint: no CORS there, cos-protocol.md §2.10). A restricted console account sees only
// the buckets its grants name; an admin everything the server's credential lists; an API-key session
// what its own key lists.
//
// POST /api/buckets (create) and POST /api/buckets/:bucket/console-cors ("let this console reach the
// bucket": adds the minimal CORS rule for the console's origin) are admin actions with the server's
// credential — a browser cannot do either before the bucket has that rule.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseBucketName } from '../../shared/cos/bucket-name';
import type { AuditLog } from '../audit/audit-log';
import { auditActor, isAdmin, requireAdmin, requireSession } from '../auth/plugin';
import type { CosGateway } from '../cos/cos-gateway';
import { ApiError } from '../errors';

const REGION = { type: 'string', pattern: '^[a-z0-9-]{1,40}$' } as const;

/** A COS refusal as the console API's error: its status and code, the COS message. */
function cosFailure(e: unknown): ApiError | undefined {
  const err = e as { code?: unknown; statusCode?: unknown; message?: unknown };
  if (typeof err.code !== 'string' || typeof err.statusCode !== 'number' || err.statusCode < 400 || err.statusCode >= 500) return undefined;
  return new ApiError(err.statusCode, err.code, typeof err.message === 'string' ? err.message : err.code);
}

/** The console's own origin, as the browser sends it (the CSRF guard already checked it is this host). */
function consoleOrigin(request: FastifyRequest): string {
  return request.headers.origin ?? `${request.protocol}://${request.headers.host ?? ''}`;
}

export function bucketRoutes(app: FastifyInstance, deps: { gateway: CosGateway; audit: AuditLog }): void {
  app.post<{ Body: { name: string; region: string } }>('/api/buckets', {
    preHandler: requireAdmin,
    schema: {
      body: { type: 'object', properties: { name: { type: 'string', maxLength: 80 }, region: REGION }, required: ['name', 'region'], additionalProperties: false },
      response: { 201: { type: 'object', properties: { name: { type: 'string' }, region: { type: 'string' } }, required: ['name', 'region'] } },
    },
  }, async (request, reply) => {
    const { name, region } = request.body;
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

  app.post<{ Params: { bucket: string }; Body: { region: string } }>('/api/buckets/:bucket/console-cors', {
    preHandler: requireAdmin,
    schema: {
      params: { type: 'object', properties: { bucket: { type: 'string', maxLength: 80 } }, required: ['bucket'] },
      body: { type: 'object', properties: { region: REGION }, required: ['region'], additionalProperties: false },
      response: { 200: { type: 'object', properties: { status: { type: 'string', enum: ['added', 'present'] }, origin: { type: 'string' } }, required: ['status', 'origin'] } },
    },
  }, async (request) => {
    const origin = consoleOrigin(request);
    let status: 'added' | 'present';
    try {
      status = await deps.gateway.ensureConsoleCors(request.params.bucket, request.body.region, origin);
    } catch (e) {
      throw cosFailure(e) ?? e;
    }
    deps.audit.record({ actor: auditActor(request.auth!), event: 'settings.cors', resource: request.params.bucket, outcome: 'ok', ip: request.ip, detail: `console rule ${status} for ${origin}` });
    return { status, origin };
  });

  app.get('/api/buckets', {
    preHandler: requireSession,
    schema: {
      response: {
        200: {
          type: 'object',
          properties: {
            buckets: {
              type: 'array',
              items: {
                type: 'object',
                properties: { name: { type: 'string' }, region: { type: 'string' }, creationDate: { type: 'string' } },
                required: ['name', 'region', 'creationDate'],
              },
            },
          },
          required: ['buckets'],
        },
      },
    },
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
    buckets.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return { buckets };
  });
}
