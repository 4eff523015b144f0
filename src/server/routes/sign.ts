// POST /api/sign: a COS Authorization for one request the browser is about to send, made with the
// server's credential so the browser never holds a permanent key (DESIGN.md §2, §4). Input is what
// cos-js-sdk-v5 passes to getAuthorization (cos-protocol.md §2.5). The signature covers the method,
// the pathname, every query parameter and every header the SDK chose to sign (Host included), so it
// cannot be replayed for another operation or another bucket.
import type { FastifyInstance } from 'fastify';
import { keyTimeFrom, signRequest } from '../../shared/signature/sign';
import { requireSession } from '../auth/plugin';
import { ApiError } from '../errors';

interface SignBody {
  Method: string;
  Pathname: string;
  Query?: Record<string, string | number | boolean>;
  Headers?: Record<string, string | number | boolean>;
  Bucket?: string;
  Region?: string;
  Key?: string;
}

const scalarMap = { type: 'object', additionalProperties: { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] } } as const;

export interface SignRouteDeps {
  credential: { secretId: string; secretKey: string };
  signSeconds: number;
  now: () => number;
}

const stringify = (m: Record<string, string | number | boolean> | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(m ?? {}).map(([k, v]) => [k, String(v)]));

export function signRoutes(app: FastifyInstance, deps: SignRouteDeps): void {
  app.post<{ Body: SignBody }>('/api/sign', {
    preHandler: requireSession,
    schema: {
      body: {
        type: 'object',
        properties: {
          Method: { type: 'string', pattern: '^[A-Za-z]{3,7}$' },
          Pathname: { type: 'string', pattern: '^/', maxLength: 2048 },
          Query: scalarMap,
          Headers: scalarMap,
          Bucket: { type: 'string' },
          Region: { type: 'string' },
          Key: { type: 'string' },
        },
        required: ['Method', 'Pathname'],
      },
      response: {
        200: { type: 'object', properties: { Authorization: { type: 'string' }, SecurityToken: { type: 'string' } }, required: ['Authorization'] },
      },
    },
  }, async (request) => {
    const auth = request.auth!;
    const headers = stringify(request.body.Headers);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'host')) {
      throw new ApiError(400, 'HostNotSigned', 'The Host header must be signed.');
    }
    // Console accounts with scoped grants arrive with the server's access issue; until then only
    // admins may have requests signed.
    if (auth.user.role !== 'admin') {
      throw new ApiError(403, 'Forbidden', `Account "${auth.user.name}" has no grant for ${request.body.Method.toUpperCase()} ${request.body.Bucket ?? ''}${request.body.Pathname}.`);
    }
    const authorization = signRequest({
      secretId: deps.credential.secretId,
      secretKey: deps.credential.secretKey,
      method: request.body.Method,
      pathname: request.body.Pathname,
      query: stringify(request.body.Query),
      headers,
      keyTime: keyTimeFrom(deps.now(), deps.signSeconds),
    });
    return { Authorization: authorization };
  });
}
