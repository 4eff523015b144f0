// The audit log (docs/security.md "Audit what is executed"): sign-ins and failed sign-ins, every
// signature and temporary key issued or refused, user and settings changes — in the server database,
// paged newest first for admins. Secrets never go in: callers pass names, actions and resources, not
// keys, passwords or tokens.
import type { Db } from '../db/database';

export type AuditOutcome = 'allowed' | 'refused' | 'ok' | 'failed';

export interface AuditEntry {
  /** Who: a console account name, or `api-key:<SecretId>` for API-key sessions, or '-' when unknown. */
  actor: string;
  /** e.g. `login`, `logout`, `sign`, `sts`, `user.create`, `user.update`, `password.reset`. */
  event: string;
  /** The COS action, e.g. `name/cos:GetObject`. */
  action?: string;
  /** `<bucket>/<key or prefix>`, or a user name for user events. */
  resource?: string;
  outcome: AuditOutcome;
  /** A short human-readable reason (e.g. the missing permission). */
  detail?: string;
  ip?: string;
  /**
   * What a signature covers, one line per part: `GET <host> <path>`, then the signed parameters and
   * headers as `name=value` (values of secrets never: a security token is written as its length).
   */
  request?: string;
}

export interface AuditRecord extends AuditEntry {
  id: number;
  /** Epoch ms. */
  at: number;
}

export interface AuditQuery {
  actor?: string;
  event?: string;
  outcome?: AuditOutcome;
  /** Only entries with an id below this (the next page of a newest-first listing). */
  before?: number;
  /** 1..500, default 100. */
  limit?: number;
}

interface AuditRow {
  id: number;
  at: number;
  actor: string;
  event: string;
  action: string | null;
  resource: string | null;
  outcome: AuditOutcome;
  detail: string | null;
  ip: string | null;
  request: string | null;
}

function toRecord(r: AuditRow): AuditRecord {
  const out: AuditRecord = { id: r.id, at: r.at, actor: r.actor, event: r.event, outcome: r.outcome };
  if (r.action !== null) out.action = r.action;
  if (r.resource !== null) out.resource = r.resource;
  if (r.detail !== null) out.detail = r.detail;
  if (r.ip !== null) out.ip = r.ip;
  if (r.request !== null) out.request = r.request;
  return out;
}

export class AuditLog {
  private readonly insert;

  constructor(private readonly db: Db, private readonly now: () => number = Date.now) {
    this.insert = db.prepare(
      'INSERT INTO audit (at, actor, event, action, resource, outcome, detail, ip, request) VALUES (@at, @actor, @event, @action, @resource, @outcome, @detail, @ip, @request)',
    );
  }

  record(e: AuditEntry): void {
    this.insert.run({
      at: this.now(), actor: e.actor, event: e.event, action: e.action ?? null, resource: e.resource ?? null,
      outcome: e.outcome, detail: e.detail ?? null, ip: e.ip ?? null, request: e.request ?? null,
    });
  }

  /** Newest first; filter by actor, event and outcome; page with `before`. */
  list(q: AuditQuery = {}): AuditRecord[] {
    const where: string[] = [];
    const params: Record<string, string | number> = {};
    if (q.actor !== undefined) { where.push('actor = @actor'); params['actor'] = q.actor; }
    if (q.event !== undefined) { where.push('event = @event'); params['event'] = q.event; }
    if (q.outcome !== undefined) { where.push('outcome = @outcome'); params['outcome'] = q.outcome; }
    if (q.before !== undefined) { where.push('id < @before'); params['before'] = q.before; }
    params['limit'] = Math.min(Math.max(q.limit ?? 100, 1), 500);
    const sql = `SELECT * FROM audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT @limit`;
    return (this.db.prepare(sql).all(params) as AuditRow[]).map(toRecord);
  }
}
