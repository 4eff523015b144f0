// GET /api/admin/audit: the audit log for admins, newest first, filtered by actor, event and outcome,
// paged with `before` (the `nextBefore` of the previous page).
import type { FastifyInstance } from 'fastify';
import type { AuditLog, AuditOutcome } from '../audit/audit-log';
import { requireAdmin } from '../auth/plugin';
import { errorSchema } from './schemas';

interface AuditQuerystring {
  actor?: string;
  event?: string;
  outcome?: AuditOutcome;
  before?: number;
  limit?: number;
}

const entrySchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    at: { type: 'string', format: 'date-time' },
    actor: { type: 'string' },
    event: { type: 'string' },
    action: { type: 'string' },
    resource: { type: 'string' },
    outcome: { type: 'string', enum: ['allowed', 'refused', 'ok', 'failed'] },
    detail: { type: 'string' },
    ip: { type: 'string' },
    request: { type: 'string' },
  },
  required: ['id', 'at', 'actor', 'event', 'outcome'],
} as const;

export function adminAuditRoutes(app: FastifyInstance, deps: { audit: AuditLog }): void {
  app.get<{ Querystring: AuditQuerystring }>('/api/admin/audit', {
    preHandler: requireAdmin,
    schema: {
      querystring: {
        type: 'object',
        properties: {
          actor: { type: 'string', minLength: 1, maxLength: 300 },
          event: { type: 'string', minLength: 1, maxLength: 64 },
          outcome: { type: 'string', enum: ['allowed', 'refused', 'ok', 'failed'] },
          before: { type: 'integer', minimum: 1 },
          limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
        },
        additionalProperties: false,
      },
      response: {
        200: {
          type: 'object',
          properties: { entries: { type: 'array', items: entrySchema }, nextBefore: { type: 'integer' } },
          required: ['entries'],
        },
        400: errorSchema, 401: errorSchema, 403: errorSchema,
      },
    },
  }, async (request) => {
    const limit = request.query.limit ?? 100;
    const records = deps.audit.list({ ...request.query, limit });
    const last = records.at(-1);
    return {
      entries: records.map((r) => ({ ...r, at: new Date(r.at).toISOString() })),
      // A full page may have more behind it; a short one is the end.
      ...(records.length === limit && last ? { nextBefore: last.id } : {}),
    };
  });
}
