import { describe, expect, it } from 'vitest';
import { defaultAccounts, type Account } from './accounts';
import { authorize, resourceName } from './authorize';
import type { Principal } from './principal';

const account = defaultAccounts('AKID', 'KEY').accounts[0] as Account;
const root: Principal = { kind: 'root', account };
const sub: Principal = { kind: 'sub', account, user: { uin: '2', name: 'alice', secretId: 'S', secretKey: 'K', policies: [] } };
const own = { appId: '1250000000', bucket: 'b-1250000000', region: 'ap-guangzhou', key: 'k' };
const other = { ...own, appId: '1250000001', bucket: 'b-1250000001' };

describe('authorize', () => {
  it.each([
    ['root on its own bucket', root, 'GetObject', own, true],
    ['root on another account', root, 'GetObject', other, false],
    ['root lists its buckets', root, 'GetService', {}, true],
    ['anonymous read', { kind: 'anonymous' }, 'GetObject', own, false],
    ['anonymous preflight', { kind: 'anonymous' }, 'OptionsObject', own, true],
    ['sub-user (policies not evaluated yet)', sub, 'GetObject', own, false],
  ] as const)('%s → %s', (_name, principal, op, resource, allowed) => {
    expect(authorize(principal, op, resource).allow).toBe(allowed);
  });

  it('names resources the CAM way', () => {
    expect(resourceName(own)).toBe('qcs::cos:ap-guangzhou:uid/1250000000:b-1250000000/k');
    expect(resourceName({})).toBe('*');
  });
});
