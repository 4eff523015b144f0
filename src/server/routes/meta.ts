// Unauthenticated endpoints: health (for orchestration and tests) and the browser's COS settings.
import type { FastifyInstance } from 'fastify';
import type { CosTarget } from '../config';
import type { CosGateway } from '../cos/cos-gateway';

const healthSchema = { type: 'object', properties: { status: { type: 'string' }, mode: { type: 'string' } } } as const;

export function metaRoutes(app: FastifyInstance, deps: { cos: CosTarget; gateway: CosGateway }): void {
  app.get('/api/health', {
    schema: { response: { 200: healthSchema, 503: healthSchema } },
  }, async (request, reply) => {
    try {
      await deps.gateway.listBuckets();
      return { status: 'ok', mode: deps.cos.mode };
    } catch (err) {
      request.log.warn({ err }, 'COS endpoint not ready');
      return reply.code(503).send({ status: 'cos-unavailable', mode: deps.cos.mode });
    }
  });

  app.get('/api/config', {
    schema: {
      response: {
        200: {
          type: 'object',
          properties: {
            mode: { type: 'string' },
            cos: { type: 'object', properties: { domain: { type: 'string' }, serviceDomain: { type: 'string' }, protocol: { type: 'string' } } },
            defaultRegion: { type: 'string' },
            // COS_ALLOWED_REGIONS: absent = every region.
            allowedRegions: { type: 'array', items: { type: 'string' } },
          },
        },
      },
    },
  }, async () => ({
    mode: deps.cos.mode,
    cos: { domain: deps.cos.browserDomain, serviceDomain: deps.cos.browserServiceDomain, protocol: deps.cos.protocol },
    defaultRegion: deps.cos.defaultRegion,
    ...(deps.cos.allowedRegions ? { allowedRegions: [...deps.cos.allowedRegions] } : {}),
  }));
}
