// GET /api/admin/audit: the audit log for admins, newest first, filtered by actor, event and outcome,
// paged with `before` (the `nextBefore` of the previous page).
import type { FastifyInstance } from 'fastify';
import { ListAudit, type RouteTypes } from '../../shared/api';
import type { AuditLog } from '../audit/audit-log';
import { requireAdmin } from '../auth/plugin';

export function adminAuditRoutes(app: FastifyInstance, deps: { audit: AuditLog }): void {
  app.get<RouteTypes<typeof ListAudit>>(ListAudit.url, {
    preHandler: requireAdmin,
    schema: ListAudit.schema,
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
