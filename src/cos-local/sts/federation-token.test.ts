// GetFederationToken as a function: parameters, signature, limits, and the key it issues resolving
// back to the caller (AccountRegistry.findTemporaryKey).
import { describe, expect, it } from 'vitest';
import type { AccountsFile } from '../accounts';
import { AccountRegistry } from '../principal';
import { StsError } from './errors';
import { getFederationToken, type StsRequest } from './federation-token';
import { signedStsForm, type FormOptions } from './test-form';

const NOW = 1_700_000_000_000;
const HOST = '127.0.0.1:9443';
const POLICY = {
  version: '2.0',
  statement: [{ effect: 'allow', action: ['name/cos:GetObject'], resource: ['qcs::cos:ap-guangzhou:uid/1250000000:photos-1250000000/a/*'] }],
};
const STS_ALLOWED = { version: '2.0', statement: [{ effect: 'allow', action: ['name/sts:GetFederationToken'], resource: ['*'] }] };
const accounts: AccountsFile = {
  accounts: [{
    uin: '100000000001', appId: '1250000000', secretId: 'AKIDROOT', secretKey: 'root-key',
    subUsers: [
      { uin: '100000000011', name: 'alice', secretId: 'AKIDALICE', secretKey: 'alice-key', policies: [STS_ALLOWED] },
      // No STS permission: CAM refuses the call itself (cam-permission.ts).
      { uin: '100000000012', name: 'bob', secretId: 'AKIDBOB', secretKey: 'bob-key', policies: [] },
    ],
  }],
};
const registry = new AccountRegistry(accounts);
let n = 0;
const deps = { keys: registry, nowMs: NOW, newTmpSecretId: () => `AKIDTMP${++n}` };

function request(o: Partial<FormOptions> = {}, over: Partial<StsRequest> = {}): StsRequest {
  const body = signedStsForm({ secretId: 'AKIDROOT', secretKey: 'root-key', host: HOST, policy: POLICY, timestamp: NOW / 1000, ...o });
  return { method: 'POST', host: HOST, path: '/', contentType: 'application/x-www-form-urlencoded', body, ...over };
}

function errorOf(req: StsRequest): string {
  try {
    getFederationToken(req, deps);
  } catch (e) {
    if (e instanceof StsError) return e.code;
    throw e;
  }
  return 'ok';
}

describe('GetFederationToken', () => {
  it('issues a temporary key of the root account carrying the policy, for 1800 s by default', () => {
    const t = getFederationToken(request(), deps);
    expect(t.ExpiredTime).toBe(NOW / 1000 + 1800);
    expect(t.Expiration).toBe('2023-11-14T22:43:20Z');
    expect(t.Credentials.TmpSecretId).toMatch(/^AKIDTMP\d+$/);
    const key = registry.findTemporaryKey(t.Credentials.TmpSecretId, t.Credentials.Token, NOW);
    expect(key.secretKey).toBe(t.Credentials.TmpSecretKey);
    expect(key.principal).toEqual({
      kind: 'temporary', account: accounts.accounts[0], sessionPolicy: POLICY, expiresAt: (NOW / 1000 + 1800) * 1000,
    });
  });

  it("issues a sub-user's key (user set), for up to 36 hours", () => {
    const t = getFederationToken(request({ secretId: 'AKIDALICE', secretKey: 'alice-key', durationSeconds: 129_600 }), deps);
    expect(t.ExpiredTime).toBe(NOW / 1000 + 129_600);
    const key = registry.findTemporaryKey(t.Credentials.TmpSecretId, t.Credentials.Token, NOW);
    expect(key.principal).toMatchObject({ kind: 'temporary', user: { name: 'alice' }, account: { appId: '1250000000' } });
  });

  it('refuses a sub-user whose CAM policies do not allow name/sts:GetFederationToken', () => {
    expect(errorOf(request({ secretId: 'AKIDBOB', secretKey: 'bob-key' }))).toBe('AuthFailure.UnauthorizedOperation');
  });

  it('verifies HmacSHA256 when SignatureMethod says so, and only then', () => {
    expect(errorOf(request({ method: 'HmacSHA256' }))).toBe('ok');
    expect(errorOf(request({ method: 'HmacSHA256', params: { SignatureMethod: 'HmacSHA1' } }))).toBe('AuthFailure.SignatureFailure');
    expect(errorOf(request({ params: { SignatureMethod: 'HmacMD5' } }))).toBe('InvalidParameterValue');
  });

  it.each<[string, Partial<FormOptions>, Partial<StsRequest>, string]>([
    ['a wrong SecretKey', { signWith: 'wrong' }, {}, 'AuthFailure.SignatureFailure'],
    ['a signature over another host', {}, { host: 'sts.tencentcloudapi.com' }, 'AuthFailure.SignatureFailure'],
    ['an unknown SecretId', { secretId: 'AKIDNOPE' }, {}, 'AuthFailure.SecretIdNotFound'],
    ['a Timestamp 301 s old', { timestamp: NOW / 1000 - 301 }, {}, 'AuthFailure.SignatureExpire'],
    ['a Timestamp 301 s ahead', { timestamp: NOW / 1000 + 301 }, {}, 'AuthFailure.SignatureExpire'],
    ['a Timestamp 300 s old', { timestamp: NOW / 1000 - 300 }, {}, 'ok'],
    ['7200 s for a root account', { durationSeconds: 7200 }, {}, 'ok'],
    ['7201 s for a root account', { durationSeconds: 7201 }, {}, 'InvalidParameterValue'],
    ['DurationSeconds 0', { params: { DurationSeconds: '0' } }, {}, 'InvalidParameterValue'],
    ['DurationSeconds 1.5', { params: { DurationSeconds: '1.5' } }, {}, 'InvalidParameterValue'],
    ['no DurationSeconds (default)', { params: { DurationSeconds: undefined } }, {}, 'ok'],
    ['no Policy', { params: { Policy: undefined } }, {}, 'InvalidParameter'],
    ['a Policy that is not JSON', { params: { Policy: encodeURIComponent('{"version":') } }, {}, 'InvalidParameter'],
    ['a Policy of another version', { policy: { ...POLICY, version: '1.0' } }, {}, 'InvalidParameter'],
    ['no Name', { params: { Name: undefined } }, {}, 'MissingParameter'],
    ['another Version', { params: { Version: '2017-01-01' } }, {}, 'InvalidParameterValue'],
    ['AssumeRole', { params: { Action: 'AssumeRole' } }, {}, 'UnsupportedOperation'],
    ['an unknown action', { params: { Action: 'MakeCoffee' } }, {}, 'InvalidAction'],
    ['no Action', { params: { Action: undefined } }, {}, 'MissingParameter'],
    ['a JSON (signature v3) request', {}, { contentType: 'application/json' }, 'UnsupportedOperation'],
  ])('%s → %s', (_name, form, over, expected) => {
    expect(errorOf(request(form, over))).toBe(expected);
  });

  it('refuses a request without a Signature parameter at all', () => {
    const body = request().body.replace(/&Signature=[^&]*/, '');
    expect(errorOf(request({}, { body }))).toBe('MissingParameter');
  });

  it('reads qcloud-cos-sts getPolicy() output (principal and string resource) as a valid session policy', () => {
    const policy = {
      version: '2.0',
      statement: [{ action: 'name/cos:PutObject', effect: 'allow', principal: { qcs: '*' }, resource: 'qcs::cos:ap-guangzhou:uid/1250000000:prefix//1250000000/test/dir/*' }],
    };
    const t = getFederationToken(request({ policy }), deps);
    expect(registry.findTemporaryKey(t.Credentials.TmpSecretId, t.Credentials.Token, NOW).principal).toMatchObject({ sessionPolicy: policy });
  });
});

describe('AccountRegistry.findTemporaryKey', () => {
  const issued = getFederationToken(request(), deps);
  const { TmpSecretId: id, Token: token } = issued.Credentials;
  const refusal = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      return `${(e as { code: string }).code}: ${(e as Error).message}`;
    }
    return 'accepted';
  };

  it.each<[string, () => unknown, RegExp]>([
    ['a malformed token', () => registry.findTemporaryKey(id, 'garbage', NOW), /^InvalidAccessKeyId: .*malformed/],
    ['the token of another key', () => registry.findTemporaryKey('AKIDOTHER', token, NOW), /^InvalidAccessKeyId: .*not issued for this SecretId/],
    ['a tampered token', () => registry.findTemporaryKey(id, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, NOW), /^InvalidAccessKeyId: .*invalid/],
    ['an expired key', () => registry.findTemporaryKey(id, token, issued.ExpiredTime * 1000), /^InvalidAccessKeyId: The temporary key expired/],
    ['a key whose parent left the accounts file', () => new AccountRegistry({ accounts: [{ ...accounts.accounts[0]!, secretId: 'AKIDNEW' }] }).findTemporaryKey(id, token, NOW), /^InvalidAccessKeyId: .*invalid/],
  ])('refuses %s', (_name, f, expected) => {
    expect(refusal(f)).toMatch(expected);
  });

  it('accepts the key one second before it expires', () => {
    expect(refusal(() => registry.findTemporaryKey(id, token, issued.ExpiredTime * 1000 - 1000))).toBe('accepted');
  });
});
