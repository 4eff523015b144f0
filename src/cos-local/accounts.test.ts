import { describe, expect, it } from 'vitest';
import { DEFAULT_APPID, DEFAULT_UIN, defaultAccounts, generateKeyPair, parseAccounts } from './accounts';
import { AccountRegistry } from './principal';

const documentedSample = {
  accounts: [
    {
      uin: '100000000001', appId: '1250000000', secretId: 'AKID1', secretKey: 'k1',
      subUsers: [{ uin: '100000000011', name: 'alice', secretId: 'AKIDA', secretKey: 'ka',
        policies: [{ version: '2.0', statement: [{ effect: 'allow', action: ['name/cos:GetObject'], resource: ['qcs::cos:ap-guangzhou:uid/1250000000:photos-1250000000/alice/*'] }] }] }],
    },
    { uin: '100000000002', appId: '1250000001', secretId: 'AKID2', secretKey: 'k2', subUsers: [] },
  ],
};

describe('accounts file', () => {
  it('accepts the sample of docs/cos-behaviour.md "Accounts" and indexes keys', () => {
    const parsed = parseAccounts(documentedSample);
    if (!parsed.ok) throw new Error(parsed.errors.join());
    const reg = new AccountRegistry(parsed.value);
    expect(reg.findKey('AKIDA')?.principal).toMatchObject({ kind: 'sub', user: { name: 'alice' }, account: { appId: '1250000000' } });
    expect(reg.findKey('AKID2')).toMatchObject({ secretKey: 'k2', principal: { kind: 'root' } });
    expect(reg.findKey('nope')).toBeUndefined();
    expect(reg.accountOf('1250000001')?.uin).toBe('100000000002');
  });

  it.each([
    ['not an object', [], 'the file must be'],
    ['no accounts', { accounts: [] }, 'at least one account'],
    ['missing secretKey', { accounts: [{ uin: '1', appId: '2', secretId: 'a' }] }, 'accounts[0].secretKey must be a non-empty string'],
    ['non-numeric APPID', { accounts: [{ uin: '1', appId: 'x', secretId: 'a', secretKey: 'b' }] }, 'accounts[0].appId must match'],
    ['duplicate SecretId', { accounts: [{ uin: '1', appId: '2', secretId: 'a', secretKey: 'b' }, { uin: '3', appId: '4', secretId: 'a', secretKey: 'c' }] }, 'SecretId a is used twice'],
    ['duplicate APPID', { accounts: [{ uin: '1', appId: '2', secretId: 'a', secretKey: 'b' }, { uin: '3', appId: '2', secretId: 'c', secretKey: 'c' }] }, 'APPID 2 is used twice'],
    ['policies not a list', { accounts: [{ uin: '1', appId: '2', secretId: 'a', secretKey: 'b', subUsers: [{ uin: '5', name: 'n', secretId: 's', secretKey: 'k', policies: {} }] }] }, 'policies must be an array'],
  ])('rejects %s', (_name, json, message) => {
    const parsed = parseAccounts(json);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.errors.join('\n')).toContain(message);
  });

  it('builds the default account and generates keys', () => {
    const pair = generateKeyPair();
    expect(pair.secretId).toMatch(/^AKID[A-Za-z0-9]{32}$/);
    expect(pair.secretKey).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(generateKeyPair().secretKey).not.toBe(pair.secretKey);
    const file = defaultAccounts(pair.secretId, pair.secretKey);
    expect(file).toEqual({ accounts: [{ uin: DEFAULT_UIN, appId: DEFAULT_APPID, ...pair, subUsers: [] }] });
    expect(parseAccounts(JSON.parse(JSON.stringify(file)))).toEqual({ ok: true, value: file });
  });
});
