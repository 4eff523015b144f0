// GET /api/buckets: the buckets the session may see, listed server-side (a browser cannot call the
// COS service endpoint: no CORS there, cos-protocol.md §2.10).
import type { FastifyInstance } from 'fastify';
import { requireSession } from '../auth/plugin';
import type { CosGateway } from '../cos/cos-gateway';

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
  }, async () => {
    const buckets = await deps.gateway.listBuckets();
    buckets.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return { buckets };
  });
}
