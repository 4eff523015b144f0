import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCredentialBox, loadOrCreateSecretFile, parseConsoleSecret, SECRET_FILE } from './credential-box';

const PLAIN = JSON.stringify({ secretId: 'AKIDexample', secretKey: 'very-secret-key-0123456789' });
const ROW = 'session-hash-1';

describe('credential box (AES-256-GCM)', () => {
  it('round-trips, and never stores the plain text', () => {
    const box = createCredentialBox(randomBytes(32));
    const sealed = box.seal(PLAIN, ROW);
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('very-secret-key');
    expect(box.open(sealed, ROW)).toBe(PLAIN);
    // A fresh IV each time: the same value never seals to the same text.
    expect(box.seal(PLAIN, ROW)).not.toBe(sealed);
  });

  it('refuses a tampered value', () => {
    const box = createCredentialBox(randomBytes(32));
    const sealed = box.seal(PLAIN, ROW);
    const [v, iv, body, tag] = sealed.split('.') as [string, string, string, string];
    const flip = (s: string): string => {
      const b = Buffer.from(s, 'base64url');
      b[0] = (b[0] ?? 0) ^ 1;
      return b.toString('base64url');
    };
    expect(box.open([v, iv, flip(body), tag].join('.'), ROW)).toBeUndefined();
    expect(box.open([v, flip(iv), body, tag].join('.'), ROW)).toBeUndefined();
    expect(box.open([v, iv, body, flip(tag)].join('.'), ROW)).toBeUndefined();
    expect(box.open([v, iv, body].join('.'), ROW)).toBeUndefined();
    expect(box.open(`v2.${iv}.${body}.${tag}`, ROW)).toBeUndefined();
    expect(box.open('not sealed at all', ROW)).toBeUndefined();
  });

  it('refuses another server key', () => {
    const sealed = createCredentialBox(randomBytes(32)).seal(PLAIN, ROW);
    expect(createCredentialBox(randomBytes(32)).open(sealed, ROW)).toBeUndefined();
  });

  it('refuses a value moved to another row', () => {
    const box = createCredentialBox(randomBytes(32));
    expect(box.open(box.seal(PLAIN, ROW), 'session-hash-2')).toBeUndefined();
  });

  it('needs a 32-byte key', () => {
    expect(() => createCredentialBox(randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('the server key', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('parses CONSOLE_SECRET as base64 of 32 bytes only', () => {
    const key = randomBytes(32);
    expect(parseConsoleSecret(key.toString('base64'))?.equals(key)).toBe(true);
    expect(parseConsoleSecret(key.toString('base64url'))?.equals(key)).toBe(true);
    expect(parseConsoleSecret(randomBytes(31).toString('base64'))).toBeUndefined();
    expect(parseConsoleSecret('not base64!')).toBeUndefined();
  });

  it('generates the key file once, mode 0600, and reuses it', () => {
    dir = mkdtempSync(join(tmpdir(), 'console-secret-'));
    const first = loadOrCreateSecretFile(join(dir, 'data'));
    const file = join(dir, 'data', SECRET_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadOrCreateSecretFile(join(dir, 'data')).equals(first)).toBe(true);
    expect(parseConsoleSecret(readFileSync(file, 'utf8'))?.equals(first)).toBe(true);
  });

  it('refuses a damaged key file instead of replacing it', () => {
    dir = mkdtempSync(join(tmpdir(), 'console-secret-'));
    writeFileSync(join(dir, SECRET_FILE), 'short\n');
    expect(() => loadOrCreateSecretFile(dir ?? '')).toThrow(/does not hold/);
    expect(readFileSync(join(dir, SECRET_FILE), 'utf8')).toBe('short\n');
  });
});
