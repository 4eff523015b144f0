// The console server's own state (users, sessions, audit, sign-in throttling) in SQLite under
// DATA_DIR. Migrations are an ordered list: each runs once, recorded in user_version.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE users (
     id INTEGER PRIMARY KEY,
     name TEXT NOT NULL UNIQUE,
     role TEXT NOT NULL CHECK (role IN ('admin', 'user')),
     password_hash TEXT NOT NULL,
     disabled INTEGER NOT NULL DEFAULT 0,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE sessions (
     id_hash TEXT PRIMARY KEY,
     user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     csrf_token TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     last_seen_at INTEGER NOT NULL
   );`,
  // Grants of console accounts; API-key sessions keep their COS credential (encrypted at
  // rest, src/server/auth/credential-box.ts); the audit log.
  `ALTER TABLE users ADD COLUMN grants TEXT NOT NULL DEFAULT '[]';
   CREATE TABLE sessions_v2 (
     id_hash TEXT PRIMARY KEY,
     kind TEXT NOT NULL DEFAULT 'account' CHECK (kind IN ('account', 'api-key')),
     user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
     label TEXT,
     credential TEXT,
     csrf_token TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     last_seen_at INTEGER NOT NULL,
     CHECK ((kind = 'account') = (user_id IS NOT NULL)),
     CHECK ((kind = 'api-key') = (credential IS NOT NULL))
   );
   INSERT INTO sessions_v2 (id_hash, user_id, csrf_token, created_at, last_seen_at)
     SELECT id_hash, user_id, csrf_token, created_at, last_seen_at FROM sessions;
   DROP TABLE sessions;
   ALTER TABLE sessions_v2 RENAME TO sessions;
   CREATE TABLE audit (
     id INTEGER PRIMARY KEY,
     at INTEGER NOT NULL,
     actor TEXT NOT NULL,
     event TEXT NOT NULL,
     action TEXT,
     resource TEXT,
     outcome TEXT NOT NULL CHECK (outcome IN ('allowed', 'refused', 'ok', 'failed')),
     detail TEXT,
     ip TEXT
   );
   CREATE INDEX audit_by_time ON audit (at);
   CREATE INDEX audit_by_actor ON audit (actor, at);`,
  // Sign-in throttling in the database, so a lockout survives a restart and holds across
  // several server instances sharing it (src/server/auth/login-throttle.ts). `key` is `ip:<address>`,
  // `user:<name>` or `key:<SecretId>`. API-key sessions remember whether the key may list buckets
  // (if not, the console asks for a bucket name). Sessions are looked up by user to revoke them all.
  `CREATE TABLE login_throttle (
     key TEXT PRIMARY KEY,
     failures INTEGER NOT NULL,
     window_start INTEGER NOT NULL,
     locked_until INTEGER NOT NULL DEFAULT 0,
     lockouts INTEGER NOT NULL DEFAULT 0,
     updated_at INTEGER NOT NULL
   );
   ALTER TABLE sessions ADD COLUMN can_list_buckets INTEGER;
   CREATE INDEX sessions_by_user ON sessions (user_id);`,
  // v4: a signature's audit entry records the canonical request it covers (routes/sign.ts).
  'ALTER TABLE audit ADD COLUMN request TEXT;',
  // v5: the settings history (src/server/history/history-store.ts): each change to a bucket setting made
  // through the console, its value before and after as read from COS (JSON), pending until confirmed.
  `CREATE TABLE settings_history (
     id INTEGER PRIMARY KEY,
     bucket TEXT NOT NULL,
     region TEXT NOT NULL,
     setting TEXT NOT NULL,
     actor TEXT NOT NULL,
     at INTEGER NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('change', 'rollback', 'apply')),
     rollback_of INTEGER,
     state TEXT NOT NULL CHECK (state IN ('pending', 'confirmed')),
     before_json TEXT NOT NULL,
     after_json TEXT,
     changed INTEGER,
     confirmed_at INTEGER
   );
   CREATE INDEX settings_history_by_bucket ON settings_history (bucket, region, setting, id);`,
];

/** Opens (creating if needed) the database file, or an in-memory one for ':memory:'. */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let i = version; i < MIGRATIONS.length; i++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[i] ?? '');
      db.pragma(`user_version = ${i + 1}`);
    })();
  }
  return db;
}
