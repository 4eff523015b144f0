import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { federationTokenForm, readFederationToken } from './local';
import { mayNotCallSts, StsFailure } from './types';

describe('the local STS client', () => {
  it('signs the form as qcloud-cos-sts does: HmacSHA1 over POST<host>/?sorted raw params, Policy encoded twice on the wire', () => {
    const policy = { version: '2.0' as const, statement: [{ effect: 'allow' as const, action: ['name/cos:GetObject'], resource: ['qcs::cos:ap-guangzhou:uid/1:b-1/a b/*'] }] };
    const body = federationTokenForm({ credential: { secretId: 'AKIDx', secretKey: 'secret' }, policy, durationSeconds: 900, region: 'ap-guangzhou' }, '127.0.0.1:9000', 1_700_000_000_999, 12345);
    const form = new URLSearchParams(body);
    expect(form.get('Timestamp')).toBe('1700000000');
    expect(form.get('Action')).toBe('GetFederationToken');
    expect(decodeURIComponent(form.get('Policy') ?? '')).toBe(JSON.stringify(policy));
    const params = [...form].filter(([k]) => k !== 'Signature').sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${v}`).join('&');
    expect(form.get('Signature')).toBe(createHmac('sha1', 'secret').update(`POST127.0.0.1:9000/?${params}`).digest('base64'));
  });

  it('reads the answer, or the error it carries', () => {
    expect(readFederationToken({ Response: { Credentials: { Token: 't', TmpSecretId: 'id', TmpSecretKey: 'k' }, ExpiredTime: 2000, RequestId: 'r' } }, 600))
      .toEqual({ tmpSecretId: 'id', tmpSecretKey: 'k', sessionToken: 't', startTime: 1400, expiredTime: 2000 });
    const refused = () => readFederationToken({ Response: { Error: { Code: 'AuthFailure.SecretIdNotFound', Message: 'm' } } }, 1);
    expect(refused).toThrow(StsFailure);
    expect(refused).toThrow(expect.objectContaining({ kind: 'refused', code: 'AuthFailure.SecretIdNotFound' }));
    expect(() => readFederationToken('<html>', 1)).toThrow(/without credentials/);
  });

  it.each([
    ['AuthFailure.SecretIdNotFound', 'refused', true],
    ['AuthFailure.UnauthorizedOperation', 'refused', true],
    ['UnauthorizedOperation', 'refused', true],
    ['AuthFailure.SignatureFailure', 'refused', false],
    ['InvalidParameter', 'refused', false],
    ['Unreachable', 'unreachable', false],
  ] as const)('%s (%s) means the key may not call STS: %s', (code, kind, expected) => {
    expect(mayNotCallSts(new StsFailure(kind, code, ''))).toBe(expected);
  });
});
