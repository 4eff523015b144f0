// decide() over a real (in-memory) store: what the engine is fed from principals, bucket config and
// object records. The HTTP path is covered by sdk-authz.test.ts.
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, AccountsFile, SubUser } from './accounts';
import { aclFromRequestHeaders } from './acl';
import { allowedOn, decide, enforce, enforceOn, resourceName, type AuthzRequest, type ResourceRef } from './authorize';
import { ACL_CONFIG, POLICY_CONFIG } from './authz/bucket-state';
import type { OpId } from './dispatch';
import { AccountRegistry, type Principal } from './principal';
import { resolveRoute } from './route';
import { openStore } from './store/open-store';
import type { BucketRecord, ObjectRecord, Store } from './store/types';

const BUCKET = 'photos-1250000000';
const OBJ = `qcs::cos:ap-guangzhou:uid/1250000000:${BUCKET}`;
const alice: SubUser = {
  uin: '100000000011', name: 'alice', secretId: 'S1', secretKey: 'K1',
  policies: [{ version: '2.0', statement: [{ effect: 'allow', action: ['name/cos:GetObject', 'name/cos:PutObject'], resource: [`${OBJ}/alice/*`] }] }],
};
const broken: SubUser = { uin: '100000000012', name: 'broken', secretId: 'S2', secretKey: 'K2', policies: [{ version: '1.0' }] };
const b0: SubUser = {
  uin: '100000000020', name: 'b0', secretId: 'S3', secretKey: 'K3',
  policies: [{ version: '2.0', statement: [{ effect: 'allow', action: ['cos:*'], resource: [`qcs::cos::uid/1250000000:${BUCKET}/*`] }] }],
};
const b1: SubUser = { uin: '100000000021', name: 'b1', secretId: 'S4', secretKey: 'K4', policies: [] };
const A: Account = { uin: '100000000001', appId: '1250000000', secretId: 'RA', secretKey: 'RK', subUsers: [alice, broken] };
const B: Account = { uin: '100000000002', appId: '1250000001', secretId: 'RB', secretKey: 'RK2', subUsers: [b0, b1] };
const file: AccountsFile = { accounts: [A, B] };

const ALICE_ID = 'qcs::cam::uin/100000000001:uin/100000000011';
const rootA: Principal = { kind: 'root', account: A };
const rootB: Principal = { kind: 'root', account: B };
const anon: Principal = { kind: 'anonymous' };
const asAlice: Principal = { kind: 'sub', account: A, user: alice };
const asB0: Principal = { kind: 'sub', account: B, user: b0 };
const asB1: Principal = { kind: 'sub', account: B, user: b1 };

let store: Store;
let bucket: BucketRecord;

function record(key: string, versionId = 'null', acl?: string): ObjectRecord {
  return {
    bucket: BUCKET, key, size: 1, etag: '"x"', crc64: '0', lastModified: 0, storageClass: 'STANDARD', headers: {}, meta: {},
    blobId: `blob-${key}-${versionId}`, versionId, ...(acl !== undefined ? { acl } : {}),
  };
}

beforeAll(async () => {
  store = await openStore({ memory: true });
  bucket = { name: BUCKET, region: 'ap-guangzhou', appId: '1250000000', createdAt: 0 };
  store.meta.createBucket(bucket);
});
afterAll(() => store.close());

interface Ask {
  principal: Principal;
  op: OpId;
  key?: string;
  query?: string;
  headers?: Record<string, string>;
  ip?: string;
  encrypted?: boolean;
  target?: ResourceRef;
}

function request(a: Ask): { r: AuthzRequest; resource: ResourceRef } {
  const path = a.key === undefined ? '/' : `/${a.key}`;
  const route = resolveRoute({ target: `${path}${a.query ? `?${a.query}` : ''}`, host: `${BUCKET}.cos.ap-guangzhou.myqcloud.com` });
  const socket = { remoteAddress: a.ip ?? '127.0.0.1', ...(a.encrypted ? { encrypted: true, getProtocol: () => 'TLSv1.3' } : {}) };
  const req = { headers: { host: route.host, ...a.headers }, socket } as unknown as IncomingMessage;
  const r: AuthzRequest = {
    store, accounts: new AccountRegistry(file), clock: { now: () => Date.UTC(2024, 0, 1) }, defaultRegion: 'ap-guangzhou',
    req, route, principal: a.principal, op: a.op, bucket,
  };
  const resource = a.target ?? { appId: '1250000000', bucket: BUCKET, region: 'ap-guangzhou', key: route.key };
  return { r, resource };
}

function verdict(a: Ask): string {
  const { r, resource } = request(a);
  const d = decide(r, resource);
  if (d.effect === 'allow') return `allow:${typeof d.by === 'string' ? d.by : d.by.source}`;
  return d.effect === 'deny' ? 'deny' : `implicit-deny:${d.reason}`;
}

function setConfig(name: string, value: string | undefined): void {
  if (value === undefined) store.meta.deleteConfig(BUCKET, name);
  else store.meta.putConfig(BUCKET, name, value);
}

const policyText = (...statement: unknown[]): string => JSON.stringify({ version: '2.0', statement });

describe('decide: requesters', () => {
  it.each([
    ['root owner', { principal: rootA, op: 'GetObject', key: 'x' }, 'allow:root-owner'],
    ['another root, nothing granted', { principal: rootB, op: 'GetObject', key: 'x' }, 'implicit-deny:no-allow'],
    ['anonymous, nothing granted', { principal: anon, op: 'GetObject', key: 'x' }, 'implicit-deny:no-allow'],
    ['root lists its buckets', { principal: rootA, op: 'GetService', target: {} }, 'allow:root-owner'],
    ['anonymous cannot list buckets', { principal: anon, op: 'GetService', target: {} }, 'implicit-deny:no-allow'],
    ['sub-user within its policy', { principal: asAlice, op: 'PutObject', key: 'alice/a.jpg' }, 'allow:identity'],
    ['sub-user outside its prefix', { principal: asAlice, op: 'GetObject', key: 'bob/a.jpg' }, 'implicit-deny:no-allow'],
    ['sub-user, action not granted', { principal: asAlice, op: 'DeleteObject', key: 'alice/a.jpg' }, 'implicit-deny:no-allow'],
    ['sub-user without GetService', { principal: asAlice, op: 'GetService', target: {} }, 'implicit-deny:no-allow'],
    ['a sub-user policy that does not parse denies everything', { principal: { kind: 'sub', account: A, user: broken }, op: 'GetObject', key: 'x' }, 'deny'],
    ['root owner creating a bucket of its APPID', { principal: rootA, op: 'PutBucket', target: { appId: '1250000000', bucket: 'new-1250000000', region: 'ap-guangzhou' } }, 'allow:root-owner'],
    ['another root creating a bucket of that APPID', { principal: rootB, op: 'PutBucket', target: { appId: '1250000000', bucket: 'new-1250000000', region: 'ap-guangzhou' } }, 'implicit-deny:no-allow'],
    ['anyone creating a bucket of an unknown APPID', { principal: rootA, op: 'PutBucket', target: { appId: '1259999999', bucket: 'new-1259999999', region: 'ap-guangzhou' } }, 'implicit-deny:no-allow'],
  ] as const)('%s → %s', (_name, ask, expected) => {
    expect(verdict(ask)).toBe(expected);
  });

  it('a temporary key of the root owner is limited by its session policy [tencentcloud 436/45242]', () => {
    const sessionPolicy = { version: '2.0', statement: [{ effect: 'allow', action: ['name/cos:PutObject'], resource: [`${OBJ}/uploads/*`] }] };
    const tmp: Principal = { kind: 'temporary', account: A, sessionPolicy, expiresAt: 0 };
    expect(verdict({ principal: tmp, op: 'PutObject', key: 'uploads/a' })).toBe('allow:root-owner');
    expect(verdict({ principal: tmp, op: 'GetObject', key: 'uploads/a' })).toBe('implicit-deny:session-policy');
    expect(verdict({ principal: tmp, op: 'PutObject', key: 'other/a' })).toBe('implicit-deny:session-policy');
  });

  it('a temporary key of a sub-user needs both its session policy and the sub-user\'s policy', () => {
    const sessionPolicy = { version: '2.0', statement: [{ effect: 'allow', action: ['name/cos:GetObject', 'name/cos:DeleteObject'], resource: [`${OBJ}/*`] }] };
    const tmp: Principal = { kind: 'temporary', account: A, user: alice, sessionPolicy, expiresAt: 0 };
    expect(verdict({ principal: tmp, op: 'GetObject', key: 'alice/a' })).toBe('allow:identity');
    expect(verdict({ principal: tmp, op: 'GetObject', key: 'bob/a' })).toBe('implicit-deny:no-allow');
    expect(verdict({ principal: tmp, op: 'PutObject', key: 'alice/a' })).toBe('implicit-deny:session-policy');
  });

  it('a session policy that does not parse denies everything', () => {
    const tmp: Principal = { kind: 'temporary', account: A, sessionPolicy: { statement: 'x' }, expiresAt: 0 };
    expect(verdict({ principal: tmp, op: 'GetObject', key: 'a' })).toBe('deny');
  });

  it('enforce throws AccessDenied, lets preflights through', () => {
    const denied = request({ principal: anon, op: 'GetObject', key: 'x' });
    expect(() => enforce(denied.r, denied.resource)).toThrow(expect.objectContaining({ code: 'AccessDenied', status: 403 }));
    const preflight = request({ principal: anon, op: 'OptionsObject', key: 'x' });
    expect(() => enforce(preflight.r, preflight.resource)).not.toThrow();
  });
});

describe('decide: bucket policy', () => {
  it('grants another account, and its sub-user only with its own CAM policy (evaluation step 4) [tencentcloud 436/32971]', () => {
    setConfig(POLICY_CONFIG, policyText({ principal: { qcs: ['qcs::cam::uin/100000000002:uin/100000000002'] }, effect: 'allow', action: ['name/cos:GetObject'], resource: [`${OBJ}/*`] }));
    try {
      expect(verdict({ principal: rootB, op: 'GetObject', key: 'x' })).toBe('allow:bucket');
      expect(verdict({ principal: asB0, op: 'GetObject', key: 'x' })).toBe('allow:bucket');
      expect(verdict({ principal: asB1, op: 'GetObject', key: 'x' })).toBe('implicit-deny:cross-account-identity');
      expect(verdict({ principal: rootB, op: 'PutObject', key: 'x' })).toBe('implicit-deny:no-allow');
    } finally {
      setConfig(POLICY_CONFIG, undefined);
    }
  });

  it('conditions read the request: client IP (::ffff: stripped) and TLS', () => {
    setConfig(POLICY_CONFIG, policyText(
      { principal: { qcs: ['qcs::cam::anyone:anyone'] }, effect: 'allow', action: ['name/cos:GetObject'], resource: [`${OBJ}/*`], condition: { ip_equal: { 'qcs:ip': ['10.0.0.0/8'] } } },
      { principal: { qcs: ['qcs::cam::anyone:anyone'] }, effect: 'deny', action: ['name/cos:GetObject'], resource: [`${OBJ}/*`], condition: { bool_equal: { 'cos:secure-transport': 'false' } } },
    ));
    try {
      expect(verdict({ principal: anon, op: 'GetObject', key: 'x', ip: '::ffff:10.1.2.3', encrypted: true })).toBe('allow:bucket');
      expect(verdict({ principal: anon, op: 'GetObject', key: 'x', ip: '::ffff:192.168.1.1', encrypted: true })).toBe('implicit-deny:no-allow');
      expect(verdict({ principal: anon, op: 'GetObject', key: 'x', ip: '10.1.2.3' })).toBe('deny');
    } finally {
      setConfig(POLICY_CONFIG, undefined);
    }
  });

  it('a deny binds the root owner, except PUT Bucket policy (436/45235)', () => {
    setConfig(POLICY_CONFIG, policyText({ principal: { qcs: ['qcs::cam::anyone:anyone'] }, effect: 'deny', action: ['*'], resource: ['*'] }));
    try {
      expect(verdict({ principal: rootA, op: 'GetObject', key: 'x' })).toBe('deny');
      expect(verdict({ principal: rootA, op: 'PutBucketPolicy' })).toBe('allow:root-owner');
    } finally {
      setConfig(POLICY_CONFIG, undefined);
    }
  });

  it('a stored policy that no longer parses denies everything (the owner can still replace it)', () => {
    setConfig(POLICY_CONFIG, '{"version":"2.0","statement":[{"effect":"allow"}]}');
    try {
      expect(verdict({ principal: rootA, op: 'GetObject', key: 'x' })).toBe('deny');
      expect(verdict({ principal: rootA, op: 'PutBucketPolicy' })).toBe('allow:root-owner');
    } finally {
      setConfig(POLICY_CONFIG, undefined);
    }
  });
});

describe('decide: ACLs', () => {
  const acl = (canned: string): string => aclFromRequestHeaders({ 'x-cos-acl': canned }, 'object') ?? '';

  it('a public-read bucket: anonymous reads and lists, never writes', () => {
    setConfig(ACL_CONFIG, acl('public-read'));
    try {
      expect(verdict({ principal: anon, op: 'GetObject', key: 'x' })).toBe('allow:acl');
      expect(verdict({ principal: anon, op: 'GetBucket' })).toBe('allow:acl');
      expect(verdict({ principal: anon, op: 'HeadBucket' })).toBe('allow:acl');
      expect(verdict({ principal: anon, op: 'PutObject', key: 'x' })).toBe('implicit-deny:no-allow');
      expect(verdict({ principal: anon, op: 'GetBucketAcl' })).toBe('implicit-deny:no-allow');
      expect(verdict({ principal: anon, op: 'PutBucketPolicy' })).toBe('implicit-deny:no-allow');
    } finally {
      setConfig(ACL_CONFIG, undefined);
    }
  });

  it('an object ACL replaces the bucket\'s for that object, and `versionId` picks the version', () => {
    setConfig(ACL_CONFIG, acl('public-read'));
    store.meta.putObject(record('private.txt', 'null', acl('private')), 'unversioned');
    store.meta.putObject(record('open.txt', 'v1', acl('public-read')), 'enabled');
    store.meta.putObject(record('open.txt', 'v2'), 'enabled');
    try {
      expect(verdict({ principal: anon, op: 'GetObject', key: 'private.txt' })).toBe('implicit-deny:no-allow');
      expect(verdict({ principal: anon, op: 'GetObject', key: 'inherits.txt' })).toBe('allow:acl');
      setConfig(ACL_CONFIG, undefined);
      expect(verdict({ principal: anon, op: 'GetObject', key: 'open.txt' })).toBe('implicit-deny:no-allow');
      expect(verdict({ principal: anon, op: 'GetObject', key: 'open.txt', query: 'versionId=v1' })).toBe('allow:acl');
      expect(verdict({ principal: anon, op: 'GetObjectAcl', key: 'open.txt', query: 'versionId=v1' })).toBe('implicit-deny:no-allow');
    } finally {
      setConfig(ACL_CONFIG, undefined);
    }
  });

  it('grants name root accounts; a sub-user of that account also needs its CAM policy', () => {
    setConfig(ACL_CONFIG, aclFromRequestHeaders({ 'x-cos-grant-write': 'id="100000000002"', 'x-cos-grant-read-acp': 'id="100000000001/100000000011"' }, 'bucket') ?? '');
    try {
      expect(verdict({ principal: rootB, op: 'PutObject', key: 'x' })).toBe('allow:acl');
      expect(verdict({ principal: rootB, op: 'GetObject', key: 'x' })).toBe('implicit-deny:no-allow');
      expect(verdict({ principal: asB0, op: 'DeleteObject', key: 'x' })).toBe('allow:acl');
      expect(verdict({ principal: asB1, op: 'DeleteObject', key: 'x' })).toBe('implicit-deny:cross-account-identity');
      expect(verdict({ principal: asAlice, op: 'GetBucketAcl' })).toBe('allow:acl');
      expect(verdict({ principal: asAlice, op: 'PutBucketAcl' })).toBe('implicit-deny:no-allow');
    } finally {
      setConfig(ACL_CONFIG, undefined);
    }
  });

  it('FULL_CONTROL covers data and ACL operations, not bucket configuration', () => {
    setConfig(ACL_CONFIG, aclFromRequestHeaders({ 'x-cos-grant-full-control': 'id="100000000002"' }, 'bucket') ?? '');
    try {
      for (const op of ['GetObject', 'PutObject', 'DeleteObject', 'GetBucket', 'GetBucketAcl', 'PutBucketAcl'] as const) {
        expect(verdict({ principal: rootB, op, ...(op.endsWith('Object') ? { key: 'x' } : {}) })).toBe('allow:acl');
      }
      expect(verdict({ principal: rootB, op: 'PutBucketPolicy' })).toBe('implicit-deny:no-allow');
      expect(verdict({ principal: rootB, op: 'DeleteBucket' })).toBe('implicit-deny:no-allow');
    } finally {
      setConfig(ACL_CONFIG, undefined);
    }
  });
});

describe('allowedOn / enforceOn: the second checks of copy and batch delete', () => {
  it('checks another action on another key with the request\'s requester', () => {
    const { r } = request({ principal: asAlice, op: 'PutObjectCopy', key: 'alice/copy.jpg' });
    const ctx = { ...r, cors: undefined };
    expect(allowedOn(ctx, 'GetObject', { bucket, key: 'alice/source.jpg' })).toBe(true);
    expect(allowedOn(ctx, 'GetObject', { bucket, key: 'bob/source.jpg' })).toBe(false);
    expect(allowedOn(ctx, 'DeleteObject', { bucket, key: 'alice/source.jpg' })).toBe(false);
    expect(() => enforceOn(ctx, 'GetObject', { bucket, key: 'bob/source.jpg' })).toThrow(expect.objectContaining({ code: 'AccessDenied' }));
  });

  it('the entry\'s version, not the request\'s, is the one whose ACL and cos:versionid count', () => {
    store.meta.putObject(record('ver.txt', 'w1', aclFromRequestHeaders({ 'x-cos-acl': 'public-read' }, 'object')), 'enabled');
    store.meta.putObject(record('ver.txt', 'w2'), 'enabled');
    const { r } = request({ principal: anon, op: 'DeleteMultipleObjects', query: 'delete&versionId=w1' });
    const ctx = { ...r, cors: undefined };
    expect(allowedOn(ctx, 'GetObject', { bucket, key: 'ver.txt', versionId: 'w1' })).toBe(true);
    expect(allowedOn(ctx, 'GetObject', { bucket, key: 'ver.txt' })).toBe(false);
    setConfig(POLICY_CONFIG, policyText({ principal: { qcs: [ALICE_ID] }, effect: 'allow', action: ['name/cos:DeleteObject'], resource: [`${OBJ}/*`], condition: { string_equal: { 'cos:versionid': 'w2' } } }));
    try {
      const alices = { ...request({ principal: asAlice, op: 'DeleteMultipleObjects', query: 'delete&versionId=w2' }).r, cors: undefined };
      expect(allowedOn(alices, 'DeleteObject', { bucket, key: 'ver.txt', versionId: 'w2' })).toBe(true);
      expect(allowedOn(alices, 'DeleteObject', { bucket, key: 'ver.txt', versionId: 'w1' })).toBe(false);
      expect(allowedOn(alices, 'DeleteObject', { bucket, key: 'ver.txt' })).toBe(false);
    } finally {
      setConfig(POLICY_CONFIG, undefined);
    }
  });

  it('takes the tags PUT Bucket tagging sets from its body for qcs:request_tag [tencentcloud 436/46206]', () => {
    setConfig(POLICY_CONFIG, policyText({ principal: { qcs: [ALICE_ID] }, effect: 'allow', action: ['name/cos:PutBucketTagging'], resource: [`${OBJ}/`], condition: { 'for_all_value:string_equal': { 'qcs:request_tag': ['team&photos'] } } }));
    try {
      const { r } = request({ principal: asAlice, op: 'PutBucketTagging' });
      const ctx = { ...r, cors: undefined };
      expect(allowedOn(ctx, 'PutBucketTagging', { bucket, requestTags: [{ key: 'team', value: 'photos' }] })).toBe(true);
      expect(allowedOn(ctx, 'PutBucketTagging', { bucket, requestTags: [{ key: 'team', value: 'photos' }, { key: 'cost', value: 'x' }] })).toBe(false);
    } finally {
      setConfig(POLICY_CONFIG, undefined);
    }
  });
});

it('names resources the CAM way', () => {
  expect(resourceName({ appId: '1250000000', bucket: BUCKET, region: 'ap-guangzhou', key: 'k' })).toBe(`${OBJ}/k`);
  expect(resourceName({})).toBe('*');
});
