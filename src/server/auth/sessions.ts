// Server-side sessions. The cookie holds 256 random bits; the database holds only their SHA-256, so
// a leaked database does not yield usable cookies, and a tampered cookie simply matches nothing.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database';

export interface Session {
  idHash: string;
  userId: number;
  csrfToken: string;
  createdAt: number;
  lastSeenAt: number;
}

interface SessionRow {
  id_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
}

const hashId = (id: string): string => createHash('sha256').update(id).digest('hex');

export class SessionRepository {
  constructor(
    private readonly db: Db,
    private readonly limits: { idleSeconds: number; absoluteSeconds: number },
    private readonly now: () => number = Date.now,
  ) {}

  /** Creates a session; returns the cookie value (the only time it exists in clear). */
  create(userId: number): { cookie: string; session: Session } {
    const cookie = randomBytes(32).toString('base64url');
    const t = this.now();
    const session: Session = { idHash: hashId(cookie), userId, csrfToken: randomBytes(24).toString('base64url'), createdAt: t, lastSeenAt: t };
    this.db
      .prepare('INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)')
      .run(session.idHash, userId, session.csrfToken, t, t);
    return { cookie, session };
  }

  /** The live session for a cookie value, touched; expired sessions are deleted on sight. */
  resolve(cookie: string): Session | undefined {
    const row = this.db.prepare('SELECT * FROM sessions WHERE id_hash = ?').get(hashId(cookie)) as SessionRow | undefined;
    if (!row) return undefined;
    const t = this.now();
    if (t - row.last_seen_at > this.limits.idleSeconds * 1000 || t - row.created_at > this.limits.absoluteSeconds * 1000) {
      this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(row.id_hash);
      return undefined;
    }
    this.db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?').run(t, row.id_hash);
    return { idHash: row.id_hash, userId: row.user_id, csrfToken: row.csrf_token, createdAt: row.created_at, lastSeenAt: t };
  }

  revoke(idHash: string): void {
    this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash);
  }
}
