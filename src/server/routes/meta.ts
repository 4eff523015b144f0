// Unauthenticated endpoints: health (for orchestration and tests) and the browser's COS settings.
import type { FastifyInstance } from 'fastify';
import { GetConfig, Health, type RouteTypes } from '../../shared/api';
import type { CosTarget } from '../config';
import type { CosGateway } from '../cos/cos-gateway';

export function metaRoutes(app: FastifyInstance, deps: { cos: CosTarget; gateway: CosGateway }): void {
  app.get<RouteTypes<typeof Health>>(Health.url, { schema: Health.schema }, async (request, reply) => {
    try {
      await deps.gateway.listBuckets();
      return { status: 'ok', mode: deps.cos.mode };
    } catch (err) {
      request.log.warn({ err }, 'COS endpoint not ready');
      return reply.code(503).send({ status: 'cos-unavailable', mode: deps.cos.mode });
    }
  });

  app.get<RouteTypes<typeof GetConfig>>(GetConfig.url, { schema: GetConfig.schema }, async () => ({
    mode: deps.cos.mode,
    cos: { domain: deps.cos.browserDomain, serviceDomain: deps.cos.browserServiceDomain, protocol: deps.cos.protocol },
    defaultRegion: deps.cos.defaultRegion,
    ...(deps.cos.allowedRegions ? { allowedRegions: [...deps.cos.allowedRegions] } : {}),
  }));
}
