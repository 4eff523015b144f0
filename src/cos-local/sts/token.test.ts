import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { deriveTmpSecretKey, issueToken, MAX_TOKEN_LENGTH, readToken, verifyToken, type TokenClaims } from './token';

const claims: TokenClaims = { v: 1, parentSecretId: 'AKIDPARENT', tmpSecretId: 'AKIDTMP', exp: 1_700_003_600, policy: '{"version":"2.0","statement":[]}' };
const token = issueToken(claims, 'parent-key');

/** Changes one character of the token at `index` to another base64url character. */
function flip(t: string, index: number): string {
  const c = t[index] === 'A' ? 'B' : 'A';
  return t.slice(0, index) + c + t.slice(index + 1);
}

describe('security token', () => {
  it('carries its claims and verifies with the parent key only', () => {
    expect(readToken(token)).toEqual(claims);
    expect(verifyToken(token, 'parent-key')).toBe(true);
    expect(verifyToken(token, 'other-key')).toBe(false);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/); // URL-safe: travels in a query unencoded
  });

  it('refuses a tampered payload or signature, to the last character', () => {
    expect(verifyToken(flip(token, 3), 'parent-key')).toBe(false);
    expect(verifyToken(flip(token, token.length - 1), 'parent-key')).toBe(false);
    const forged = `${deflateRawSync(Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 1 }))).toString('base64url')}.${token.split('.')[1] ?? ''}`;
    expect(readToken(forged)?.exp).toBe(claims.exp + 1);
    expect(verifyToken(forged, 'parent-key')).toBe(false);
  });

  it.each([
    ['empty', ''],
    ['no signature', token.split('.')[0] ?? ''],
    ['three parts', `${token}.x`],
    ['not base64url', 'a+b.c'],
    ['not deflated', 'aGVsbG8.c2ln'],
    ['claims of the wrong shape', `${deflateRawSync(Buffer.from('{"v":2}')).toString('base64url')}.c2ln`],
    ['too long', `${'A'.repeat(MAX_TOKEN_LENGTH)}.c2ln`],
  ])('reads %s as no token', (_name, t) => {
    expect(readToken(t)).toBeUndefined();
  });

  it('derives the TmpSecretKey deterministically from the parent key and the TmpSecretId', () => {
    const k = deriveTmpSecretKey('parent-key', 'AKIDTMP');
    expect(deriveTmpSecretKey('parent-key', 'AKIDTMP')).toBe(k);
    expect(deriveTmpSecretKey('parent-key', 'AKIDTMP2')).not.toBe(k);
    expect(deriveTmpSecretKey('other-key', 'AKIDTMP')).not.toBe(k);
    expect(k).not.toContain('parent-key');
  });
});
