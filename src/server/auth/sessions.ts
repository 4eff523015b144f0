// Server-side sessions, in the database so they survive a restart and can be shared by several
// instances. The cookie holds 256 random bits; the database holds only their SHA-256, so a leaked
// database does not yield usable cookies, and a tampered cookie simply matches nothing.
//
// Two kinds: a console account's session (user_id), and an API-key session, which keeps the COS
// credential it signed in with, sealed by the CredentialBox and bound to its row (the id hash is the
// associated data), so it is never in the database in clear and cannot be moved to another row.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database';
import type { CredentialBox } from './credential-box';

export interface CosCredential {
  secretId: string;
  secretKey: string;
  /** Temporary keys only: the security token. */
  token?: string;
}

export interface Session {
  idHash: string;
  kind: 'account' | 'api-key';
  /** Account sessions only. */
  userId?: number;
  /** API-key sessions: the SecretId. */
  label?: string;
  /** API-key sessions: opened in memory for this request only; never stored in clear. */
  credential?: CosCredential;
  /** API-key sessions: false when COS refused GET Service for the key (the console asks for a bucket). */
  canListBuckets?: boolean;
  csrfToken: string;
  createdAt: number;
  lastSeenAt: number;
}

interface SessionRow {
  id_hash: string;
  kind: 'account' | 'api-key';
  user_id: number | null;
  label: string | null;
  credential: string | null;
  can_list_buckets: number | null;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
}

const hashId = (id: string): string => createHash('sha256').update(id).digest('hex');

function parseCredential(text: string | undefined): CosCredential | undefined {
  if (text === undefined) return undefined;
  try {
    const v = JSON.parse(text) as Partial<CosCredential>;
    if (typeof v.secretId !== 'string' || typeof v.secretKey !== 'string') return undefined;
    return typeof v.token === 'string' ? { secretId: v.secretId, secretKey: v.secretKey, token: v.token } : { secretId: v.secretId, secretKey: v.secretKey };
  } catch {
    return undefined;
  }
}

export class SessionRepository {
  constructor(
    private readonly db: Db,
    private readonly limits: { idleSeconds: number; absoluteSeconds: number },
    private readonly now: () => number = Date.now,
    /** Needed for API-key sessions only. */
    private readonly box?: CredentialBox,
  ) {}

  /** Creates a console account's session; returns the cookie value (the only time it exists in clear). */
  create(userId: number): { cookie: string; session: Session } {
    return this.insert({ kind: 'account', userId });
  }

  /** Creates an API-key session holding the credential sealed. */
  createApiKey(credential: CosCredential, canListBuckets: boolean): { cookie: string; session: Session } {
    return this.insert({ kind: 'api-key', credential, canListBuckets });
  }

  private insert(spec: { kind: 'account'; userId: number } | { kind: 'api-key'; credential: CosCredential; canListBuckets: boolean }): { cookie: string; session: Session } {
    this.purgeExpired();
    const cookie = randomBytes(32).toString('base64url');
    const t = this.now();
    const idHash = hashId(cookie);
    const csrfToken = randomBytes(24).toString('base64url');
    if (spec.kind === 'account') {
      this.db
        .prepare("INSERT INTO sessions (id_hash, kind, user_id, csrf_token, created_at, last_seen_at) VALUES (?, 'account', ?, ?, ?, ?)")
        .run(idHash, spec.userId, csrfToken, t, t);
      return { cookie, session: { idHash, kind: 'account', userId: spec.userId, csrfToken, createdAt: t, lastSeenAt: t } };
    }
    if (!this.box) throw new Error('API-key sessions need a credential box (the console secret).');
    const { secretId, secretKey, token } = spec.credential;
    const sealed = this.box.seal(JSON.stringify(token === undefined ? { secretId, secretKey } : { secretId, secretKey, token }), idHash);
    this.db
      .prepare("INSERT INTO sessions (id_hash, kind, label, credential, can_list_buckets, csrf_token, created_at, last_seen_at) VALUES (?, 'api-key', ?, ?, ?, ?, ?, ?)")
      .run(idHash, secretId, sealed, spec.canListBuckets ? 1 : 0, csrfToken, t, t);
    return {
      cookie,
      session: { idHash, kind: 'api-key', label: secretId, credential: spec.credential, canListBuckets: spec.canListBuckets, csrfToken, createdAt: t, lastSeenAt: t },
    };
  }

  /**
   * The live session for a cookie value, touched; expired sessions are deleted on sight, and so is
   * an API-key session whose credential no longer opens (the console secret changed).
   */
  resolve(cookie: string): Session | undefined {
    const row = this.db.prepare('SELECT * FROM sessions WHERE id_hash = ?').get(hashId(cookie)) as SessionRow | undefined;
    if (!row) return undefined;
    const t = this.now();
    if (this.expired(row, t)) {
      this.revoke(row.id_hash);
      return undefined;
    }
    const base = { idHash: row.id_hash, csrfToken: row.csrf_token, createdAt: row.created_at, lastSeenAt: t };
    let session: Session;
    if (row.kind === 'account' && row.user_id !== null) {
      session = { ...base, kind: 'account', userId: row.user_id };
    } else {
      const credential = row.credential === null ? undefined : parseCredential(this.box?.open(row.credential, row.id_hash));
      if (!credential) {
        this.revoke(row.id_hash);
        return undefined;
      }
      session = { ...base, kind: 'api-key', label: row.label ?? credential.secretId, credential, canListBuckets: row.can_list_buckets === 1 };
    }
    this.db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?').run(t, row.id_hash);
    return session;
  }

  revoke(idHash: string): void {
    this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash);
  }

  /** Ends every session of a console account (disabled, or its password reset). Returns how many. */
  revokeUser(userId: number): number {
    return this.db.prepare("DELETE FROM sessions WHERE kind = 'account' AND user_id = ?").run(userId).changes;
  }

  /** Deletes sessions past either limit, so abandoned ones (and their sealed credentials) do not pile up. */
  purgeExpired(): number {
    const t = this.now();
    return this.db
      .prepare('DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?')
      .run(t - this.limits.idleSeconds * 1000, t - this.limits.absoluteSeconds * 1000).changes;
  }

  private expired(row: SessionRow, t: number): boolean {
    return t - row.last_seen_at > this.limits.idleSeconds * 1000 || t - row.created_at > this.limits.absoluteSeconds * 1000;
  }
}
