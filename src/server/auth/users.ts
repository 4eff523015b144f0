// Console accounts. Only the scrypt hash of a password is ever stored. Grants (what a non-admin
// account may do, src/shared/access/grants.ts) are stored as JSON and validated on the way in and out.
import { parseGrants, type Grant } from '../../shared/access/grants';
import type { Db } from '../db/database';
import { generatePassword, hashPassword, verifyPassword } from './password';

export interface User {
  id: number;
  name: string;
  role: 'admin' | 'user';
  disabled: boolean;
  /** Only used for role 'user': an admin may do anything the server's credential can. */
  grants: Grant[];
  /** Epoch ms. */
  createdAt: number;
}

interface UserRow {
  id: number;
  name: string;
  role: 'admin' | 'user';
  disabled: number;
  password_hash: string;
  grants: string;
  created_at: number;
}

/** Why a sign-in failed: for the audit log only — the client always gets one message. */
export type AuthFailure = 'unknown-user' | 'wrong-password' | 'disabled';

export type AuthResult = { ok: true; user: User } | { ok: false; reason: AuthFailure };

function storedGrants(text: string): Grant[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const result = parseGrants(parsed);
  // A row that no longer validates grants nothing rather than something unintended.
  return result.ok ? result.value : [];
}

const toUser = (r: UserRow): User => ({
  id: r.id, name: r.name, role: r.role, disabled: r.disabled === 1, grants: storedGrants(r.grants), createdAt: r.created_at,
});

export class UserRepository {
  constructor(private readonly db: Db, private readonly now: () => number = Date.now) {}

  findById(id: number): User | undefined {
    const row = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
    return row && toUser(row);
  }

  findByName(name: string): User | undefined {
    const row = this.db.prepare('SELECT * FROM users WHERE name = ?').get(name) as UserRow | undefined;
    return row && toUser(row);
  }

  list(): User[] {
    return (this.db.prepare('SELECT * FROM users ORDER BY name').all() as UserRow[]).map(toUser);
  }

  async create(name: string, role: User['role'], password: string, grants: Grant[] = []): Promise<User> {
    const hash = await hashPassword(password);
    const t = this.now();
    const info = this.db
      .prepare('INSERT INTO users (name, role, password_hash, grants, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(name, role, hash, JSON.stringify(grants), t);
    return { id: Number(info.lastInsertRowid), name, role, disabled: false, grants, createdAt: t };
  }

  /** Changes the given fields; returns the updated user. */
  update(id: number, change: { role?: User['role']; grants?: Grant[]; disabled?: boolean }): User | undefined {
    return this.db.transaction(() => {
      if (change.role !== undefined) this.db.prepare('UPDATE users SET role = ? WHERE id = ?').run(change.role, id);
      if (change.grants !== undefined) this.db.prepare('UPDATE users SET grants = ? WHERE id = ?').run(JSON.stringify(change.grants), id);
      if (change.disabled !== undefined) this.db.prepare('UPDATE users SET disabled = ? WHERE id = ?').run(change.disabled ? 1 : 0, id);
      return this.findById(id);
    })();
  }

  async setPassword(id: number, password: string): Promise<void> {
    this.db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(await hashPassword(password), id);
  }

  /** The user when the name and password match an enabled account. */
  async authenticate(name: string, password: string): Promise<User | undefined> {
    const result = await this.check(name, password);
    return result.ok ? result.user : undefined;
  }

  /** Like authenticate, with the reason of a failure (for the audit log, never for the client). */
  async check(name: string, password: string): Promise<AuthResult> {
    const row = this.db.prepare('SELECT * FROM users WHERE name = ?').get(name) as UserRow | undefined;
    // Hash even for unknown names so timing does not reveal which accounts exist.
    const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
    if (!row) return { ok: false, reason: 'unknown-user' };
    if (!ok) return { ok: false, reason: 'wrong-password' };
    if (row.disabled !== 0) return { ok: false, reason: 'disabled' };
    return { ok: true, user: toUser(row) };
  }

  /**
   * Makes sure the `admin` account exists. With a configured password it is (re)set to it; otherwise
   * a password is generated on first run only and returned so the caller can print it once.
   */
  async ensureAdmin(configured: string | undefined): Promise<{ generatedPassword?: string }> {
    const row = this.db.prepare("SELECT * FROM users WHERE name = 'admin'").get() as UserRow | undefined;
    if (row) {
      if (configured !== undefined && !(await verifyPassword(configured, row.password_hash))) await this.setPassword(row.id, configured);
      return {};
    }
    const password = configured ?? generatePassword();
    await this.create('admin', 'admin', password);
    return configured === undefined ? { generatedPassword: password } : {};
  }
}

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
