// GET /api/buckets: the buckets the session may see, listed server-side (a browser cannot call the
// COS service endpoint: no CORS there, cos-protocol.md §2.10). A restricted console account sees only
// the buckets its grants name; an admin everything the server's credential lists; an API-key session
// what its own key lists.
import type { FastifyInstance } from 'fastify';
import { isAdmin, requireSession } from '../auth/plugin';
import type { CosGateway } from '../cos/cos-gateway';
import { ApiError } from '../errors';

export function bucketRoutes(app: FastifyInstance, deps: { gateway: CosGateway }): void {
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
