// Console accounts. Only the scrypt hash of a password is ever stored.
import type { Db } from '../db/database';
import { generatePassword, hashPassword, verifyPassword } from './password';

export interface User {
  id: number;
  name: string;
  role: 'admin' | 'user';
  disabled: boolean;
}

interface UserRow {
  id: number;
  name: string;
  role: 'admin' | 'user';
  disabled: number;
  password_hash: string;
}

const toUser = (r: UserRow): User => ({ id: r.id, name: r.name, role: r.role, disabled: r.disabled === 1 });

export class UserRepository {
  constructor(private readonly db: Db, private readonly now: () => number = Date.now) {}

  findById(id: number): User | undefined {
    const row = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
    return row && toUser(row);
  }

  async create(name: string, role: User['role'], password: string): Promise<User> {
    const hash = await hashPassword(password);
    const info = this.db
      .prepare('INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)')
      .run(name, role, hash, this.now());
    return { id: Number(info.lastInsertRowid), name, role, disabled: false };
  }

  async setPassword(id: number, password: string): Promise<void> {
    this.db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(await hashPassword(password), id);
  }

  /** The user when the name and password match an enabled account. */
  async authenticate(name: string, password: string): Promise<User | undefined> {
    const row = this.db.prepare('SELECT * FROM users WHERE name = ?').get(name) as UserRow | undefined;
    // Hash even for unknown names so timing does not reveal which accounts exist.
    const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
    return row && ok && row.disabled === 0 ? toUser(row) : undefined;
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
