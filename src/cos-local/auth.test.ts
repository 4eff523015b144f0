import { describe, expect, it } from 'vitest';
import { signRequest } from '../shared/signature/sign';
import { defaultAccounts } from './accounts';
import { authenticate, type AuthInput } from './auth';
import { AccountRegistry } from './principal';
import { RequestQuery } from './query';
import { deriveTmpSecretKey, issueToken } from './sts/token';

const keys = new AccountRegistry(defaultAccounts('AKIDTEST', 'SECRET'));
const now = 1_700_000_100_000;
const keyTime = '1700000000;1700000900';
const host = 'b-1250000000.cos.ap-guangzhou.myqcloud.com';

function input(over: Partial<AuthInput> & { auth?: string; rawQuery?: string }): AuthInput {
  const { auth, rawQuery, headers: extra, ...rest } = over;
  const headers = { host, ...(auth === undefined ? {} : { authorization: auth }), ...extra };
  return { method: 'GET', query: RequestQuery.parse(rawQuery ?? ''), signaturePaths: ['/k'], nowMs: now, ...rest, headers };
}
const sign = (o: Partial<Parameters<typeof signRequest>[0]> = {}): string =>
  signRequest({ secretId: 'AKIDTEST', secretKey: 'SECRET', method: 'GET', pathname: '/k', headers: { host }, keyTime, ...o });
const code = (i: AuthInput): string => {
  try {
    return authenticate(i, keys).kind;
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe('authenticate', () => {
  it('anonymous without Authorization', () => {
    expect(code(input({}))).toBe('anonymous');
  });

  it('accepts a header signature over host, params and x-cos headers', () => {
    const auth = sign({ query: { prefix: 'a b', 'max-keys': '2' }, headers: { host, 'x-cos-meta-a': 'v' } });
    expect(code(input({ auth, rawQuery: 'prefix=a%20b&max-keys=2', headers: { 'x-cos-meta-a': 'v' } }))).toBe('root');
  });

  it.each([
    ['a wrong key', { auth: sign({ secretKey: 'WRONG' }) }, 'SignatureDoesNotMatch'],
    ['an unknown SecretId', { auth: sign({ secretId: 'AKIDNOPE' }) }, 'InvalidAccessKeyId'],
    ['an expired window', { auth: sign(), nowMs: 1_700_000_901_000 }, 'AccessDenied'],
    ['a window far in the future', { auth: sign({ keyTime: '1700001100;1700002000' }) }, 'RequestTimeTooSkewed'],
    ['a window starting within the skew allowance', { auth: sign({ keyTime: '1700000900;1700001800' }) }, 'root'],
    ['another host', { auth: sign(), headers: { host: 'other-1250000000.cos.ap-guangzhou.myqcloud.com' } }, 'SignatureDoesNotMatch'],
    ['a changed signed param', { auth: sign({ query: { prefix: 'a' } }), rawQuery: 'prefix=b' }, 'SignatureDoesNotMatch'],
    ['a malformed Authorization', { auth: 'q-sign-algorithm=sha1' }, 'AccessDenied'],
    ['another algorithm', { auth: sign().replace('q-sign-algorithm=sha1', 'q-sign-algorithm=md5') }, 'AccessDenied'],
  ])('%s → %s', (_name, over, expected) => {
    expect(code(input(over))).toBe(expected);
  });

  it('says "Request has expired" (the SDK clock-skew retry keys on it)', () => {
    expect(() => authenticate(input({ auth: sign(), nowMs: 1_700_001_000_000 }), keys)).toThrow('Request has expired');
  });

  it('tries the path-style candidates', () => {
    const auth = sign({ pathname: '/', headers: { host: '127.0.0.1:9000' } });
    expect(code(input({ auth, headers: { host: '127.0.0.1:9000' }, signaturePaths: ['/k', '/'] }))).toBe('root');
  });

  it('signs a parameter sent without "=" like an empty one, and one listed but absent likewise', () => {
    expect(code(input({ auth: sign({ query: { cors: '' } }), rawQuery: 'cors' }))).toBe('root');
    expect(code(input({ auth: sign({ query: { delimiter: '' } }) }))).toBe('root');
  });

  it('reads a pre-signed URL from the query and ignores unsigned extra parameters', () => {
    const auth = sign({ query: { 'response-content-type': 'text/plain' } });
    const encoded = auth.split('&').map((kv) => {
      const [k, v = ''] = kv.split('=');
      return `${k}=${k === 'q-url-param-list' ? encodeURIComponent(v).toLowerCase() : v}`;
    }).join('&');
    const rawQuery = `${encoded}&x-cos-security-token=t&response-content-type=text%2Fplain&extra=1`;
    expect(code(input({ rawQuery }))).toBe('root');
    expect(code(input({ rawQuery: rawQuery.replace('text%2Fplain', 'text%2Fhtml') }))).toBe('SignatureDoesNotMatch');
  });
});

describe('authenticate with a temporary key', () => {
  const exp = Math.floor(now / 1000) + 600;
  const token = issueToken({ v: 1, parentSecretId: 'AKIDTEST', tmpSecretId: 'AKIDTMP', exp, policy: '{"version":"2.0","statement":[]}' }, 'SECRET');
  const tmpKey = deriveTmpSecretKey('SECRET', 'AKIDTMP');
  const signTmp = (secretKey = tmpKey): string => sign({ secretId: 'AKIDTMP', secretKey });

  it('accepts the token in the x-cos-security-token header', () => {
    const p = authenticate(input({ auth: signTmp(), headers: { 'x-cos-security-token': token } }), keys);
    expect(p).toMatchObject({ kind: 'temporary', sessionPolicy: { version: '2.0', statement: [] }, expiresAt: exp * 1000 });
  });

  it('accepts the token in the query (pre-signed URL)', () => {
    expect(code(input({ auth: signTmp(), rawQuery: `x-cos-security-token=${token}` }))).toBe('temporary');
  });

  it.each([
    ['no token', {}, 'InvalidAccessKeyId'],
    ['a signature with another key', { auth: signTmp('SECRET'), headers: { 'x-cos-security-token': token } }, 'SignatureDoesNotMatch'],
    ['an expired token', { headers: { 'x-cos-security-token': token }, nowMs: exp * 1000 }, 'InvalidAccessKeyId'],
  ])('refuses %s → %s', (_name, over, expected) => {
    expect(code(input({ auth: signTmp(), ...over }))).toBe(expected);
  });
});
