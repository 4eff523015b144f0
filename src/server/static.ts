// Serves the built SPA from dist/, with index.html for any other non-API GET (client-side routes).
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from './errors';

export async function serveSpa(app: FastifyInstance, distDir: string): Promise<void> {
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(`The console is not built: ${join(distDir, 'index.html')} is missing (run npm run build).`);
  }
  await app.register(fastifyStatic, { root: distDir, wildcard: false, index: false });
  app.setNotFoundHandler((request, reply) => {
    if (request.method !== 'GET' || request.url.startsWith('/api/')) {
      throw new ApiError(404, 'NotFound', `No route ${request.method} ${request.url.split('?')[0]}.`);
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
