// JSON schemas shared by the console server's routes. Response schemas double as an allow-list:
// Fastify serializes only the properties they name, so a field that is not here (a credential, a
// password hash) cannot leak into a response even if a handler returned it by mistake.
import { PERMISSIONS } from '../../shared/access/grants';

export const errorSchema = {
  type: 'object',
  properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } }, required: ['code', 'message'] } },
  required: ['error'],
} as const;

export const grantSchema = {
  type: 'object',
  properties: {
    bucket: { type: 'string' },
    prefix: { type: 'string' },
    permissions: { type: 'array', items: { type: 'string', enum: [...PERMISSIONS] } },
  },
  required: ['bucket', 'prefix', 'permissions'],
} as const;

/**
 * The signed-in person, as /api/login and /api/session return it:
 * - console account: `{ name, kind: 'account', role: 'admin' | 'user', grants }` (grants: role 'user' only);
 * - API key: `{ name: <SecretId>, kind: 'api-key', role: 'api-key', temporary, canListBuckets }` —
 *   COS decides what the key may do; `canListBuckets: false` means COS refused GET Service for it,
 *   so the console asks for a bucket name instead of listing.
 */
export const sessionUserSchema = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    kind: { type: 'string', enum: ['account', 'api-key'] },
    role: { type: 'string', enum: ['admin', 'user', 'api-key'] },
    grants: { type: 'array', items: grantSchema },
    temporary: { type: 'boolean' },
    canListBuckets: { type: 'boolean' },
  },
  required: ['name', 'kind', 'role'],
} as const;
