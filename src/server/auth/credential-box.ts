// Encryption at rest for the COS credentials of API-key sessions (README.md "Signing in").
// AES-256-GCM from node:crypto: a fresh 96-bit IV per value, and the 128-bit tag makes any change to
// the stored text, or a different server key, fail to open instead of yielding garbage. The caller
// binds each value to its row (associated data = the session's id hash), so a ciphertext copied into
// another session row does not open there either.
//
// The server key comes from `CONSOLE_SECRET` (base64 of 32 bytes) or from `DATA_DIR/console-secret.key`,
// generated once with mode 0600 — never from the database, so a copy of the database alone does not
// reveal the credentials.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;
export const SECRET_FILE = 'console-secret.key';

export interface CredentialBox {
  /** `v1.<iv>.<ciphertext>.<tag>` (base64url parts). */
  seal(plain: string, associatedData: string): string;
  /** The plain text, or undefined when the value was changed, or sealed with another key or for another row. */
  open(sealed: string, associatedData: string): string | undefined;
}

export function createCredentialBox(key: Buffer): CredentialBox {
  if (key.length !== KEY_BYTES) throw new Error(`The console secret must be ${KEY_BYTES} bytes, got ${key.length}.`);
  return {
    seal(plain, associatedData) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(associatedData, 'utf8'));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
    },
    open(sealed, associatedData) {
      const [version, iv, body, tag, ...rest] = sealed.split('.');
      if (version !== VERSION || iv === undefined || body === undefined || tag === undefined || rest.length > 0) return undefined;
      const ivBytes = Buffer.from(iv, 'base64url');
      const tagBytes = Buffer.from(tag, 'base64url');
      if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) return undefined;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, ivBytes, { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(associatedData, 'utf8'));
        decipher.setAuthTag(tagBytes);
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        // GCM's tag check failed: changed text, another key or another row. Refuse, never guess.
        return undefined;
      }
    },
  };
}

/** Parses `CONSOLE_SECRET`: base64 (or base64url) of exactly 32 bytes. */
export function parseConsoleSecret(text: string): Buffer | undefined {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) return undefined;
  const key = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return key.length === KEY_BYTES ? key : undefined;
}

/**
 * The key in `<dataDir>/console-secret.key`, created (base64, mode 0600) on first use. A file that
 * exists but does not hold a valid key is an error: replacing it would silently make every stored
 * credential unreadable.
 */
export function loadOrCreateSecretFile(dataDir: string): Buffer {
  const file = join(dataDir, SECRET_FILE);
  if (existsSync(file)) {
    const key = parseConsoleSecret(readFileSync(file, 'utf8'));
    if (!key) throw new Error(`${file} does not hold a base64 ${KEY_BYTES}-byte key; fix or remove it (API-key sessions will then need a new sign-in).`);
    return key;
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(KEY_BYTES);
  // 'wx' fails if another instance created the file meanwhile; then use theirs.
  try {
    writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateSecretFile(dataDir);
    throw e;
  }
  // The mode above is filtered by the umask; make sure it is exactly owner read/write.
  chmodSync(file, 0o600);
  return key;
}
