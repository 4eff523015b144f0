import { describe, expect, it } from 'vitest';
import { ANYONE_ID, type AclGrant } from '../../../../../../../shared/xml/acl';
import { simulate, uinOfOwnerId, type SimPrincipal, type SimRequest } from './simulate';

const APPID = '1250000000';
const OWNER = '100000000001';
const SUB = '100000000011';
const OTHER = '200000000001';
const BUCKET = { name: `sim-${APPID}`, region: 'ap-guangzhou', appId: APPID };
const RES = (path: string) => `qcs::cos:ap-guangzhou:uid/${APPID}:${BUCKET.name}/${path}`;
const SUB_P = `qcs::cam::uin/${OWNER}:uin/${SUB}`;
const OTHER_P = `qcs::cam::uin/${OTHER}:uin/${OTHER}`;

const POLICY = JSON.stringify({
  version: '2.0',
  statement: [
    { sid: 'public-read', effect: 'allow', principal: { qcs: ['qcs::cam::anyone:anyone'] }, action: ['name/cos:GetObject'], resource: [RES('public/*')] },
    { sid: 'sub-docs', effect: 'allow', principal: { qcs: [SUB_P] }, action: ['name/cos:GetObject', 'name/cos:PutObject'], resource: [RES('docs/*')] },
    { sid: 'no-secret', effect: 'deny', principal: { qcs: ['qcs::cam::anyone:anyone'] }, action: ['name/cos:*'], resource: [RES('docs/secret/*')] },
    { sid: 'office-ip', effect: 'allow', principal: { qcs: [OTHER_P] }, action: ['name/cos:GetObject'], resource: [RES('*')], condition: { ip_equal: { 'qcs:ip': ['10.0.0.0/8'] } } },
    { sid: 'png-only', effect: 'allow', principal: { qcs: [OTHER_P] }, action: ['name/cos:PutObject'], resource: [RES('uploads/*')], condition: { string_equal: { 'cos:content-type': ['image/png'] } } },
    { sid: 'latest', effect: 'allow', principal: { qcs: [SUB_P] }, action: ['name/cos:GetObject'], resource: [RES('versions/*')], condition: { string_equal_if_exist: { 'cos:versionid': '' } } },
    { sid: 'not-old', effect: 'deny', principal: { qcs: [SUB_P] }, action: ['name/cos:GetObject'], resource: [RES('versions/*')], condition: { string_not_equal: { 'cos:versionid': '' } } },
    { sid: 'https-list', effect: 'allow', principal: { qcs: [SUB_P] }, action: ['name/cos:GetBucket'], resource: [RES('*')], condition: { bool_equal: { 'cos:secure-transport': 'true' }, string_equal: { 'cos:prefix': 'docs%2F' } } },
    { sid: 'owner-no-delete', effect: 'deny', principal: { qcs: [`qcs::cam::uin/${OWNER}:uin/${OWNER}`] }, action: ['name/cos:DeleteObject', 'name/cos:PutBucketPolicy'], resource: [RES('*')] },
  ],
});

const anon: SimPrincipal = { kind: 'anonymous' };
const owner: SimPrincipal = { kind: 'owner' };
const sub: SimPrincipal = { kind: 'sub', uin: SUB };
const other: SimPrincipal = { kind: 'other-root', uin: OTHER };
const subAcl: AclGrant[] = [{ grantee: { type: 'id', id: SUB_P }, permission: 'WRITE' }];

const run = (principal: SimPrincipal, request: SimRequest, acl: AclGrant[] = [], policyText = POLICY) =>
  simulate({ policyText, bucket: BUCKET, ownerUin: OWNER, principal, request, bucketAcl: { grants: acl } });

const GET = 'name/cos:GetObject';
const PUT = 'name/cos:PutObject';
const DEL = 'name/cos:DeleteObject';

describe('simulate', () => {
  it.each<[string, SimPrincipal, SimRequest, AclGrant[], string]>([
    ['anonymous reads public/', anon, { action: GET, key: 'public/a.txt' }, [], 'allow:public-read'],
    ['anonymous may not read docs/', anon, { action: GET, key: 'docs/a.txt' }, [], 'implicit-deny:no-allow'],
    ['sub-user reads docs/', sub, { action: GET, key: 'docs/a.txt' }, [], 'allow:sub-docs'],
    ['deny overrides allow: docs/secret/', sub, { action: GET, key: 'docs/secret/a.txt' }, [], 'deny:no-secret'],
    ['the explicit deny binds the owner too', owner, { action: GET, key: 'docs/secret/a.txt' }, [], 'deny:no-secret'],
    ['the owner is allowed without any statement', owner, { action: 'name/cos:PutBucketCORS' }, [], 'allow:root-owner'],
    ['the owner may always put the policy [tencentcloud 436/45235]', owner, { action: 'name/cos:PutBucketPolicy' }, [], 'allow:root-owner'],
    ['but a deny on DeleteObject binds it', owner, { action: DEL, key: 'x' }, [], 'deny:owner-no-delete'],
    ['other account from 10.1.2.3', other, { action: GET, key: 'any', sourceIp: '10.1.2.3' }, [], 'allow:office-ip'],
    ['other account from 127.0.0.1', other, { action: GET, key: 'any', sourceIp: '127.0.0.1' }, [], 'implicit-deny:no-allow'],
    ['other account puts a png', other, { action: PUT, key: 'uploads/a.png', contentType: 'image/png' }, [], 'allow:png-only'],
    ['other account puts a jpeg', other, { action: PUT, key: 'uploads/a.jpg', contentType: 'image/jpeg' }, [], 'implicit-deny:no-allow'],
    ['latest only: GET /o', sub, { action: GET, key: 'versions/o' }, [], 'allow:latest'],
    ['latest only: GET /o?versionId=', sub, { action: GET, key: 'versions/o', versionId: '' }, [], 'allow:latest'],
    ['latest only: GET /o?versionId=<id>', sub, { action: GET, key: 'versions/o', versionId: 'MTg0NDUx' }, [], 'deny:not-old'],
    ['listing docs/ over HTTPS', sub, { action: 'name/cos:GetBucket', prefix: 'docs/', secure: true }, [], 'allow:https-list'],
    ['listing docs/ over HTTP', sub, { action: 'name/cos:GetBucket', prefix: 'docs/', secure: false }, [], 'implicit-deny:no-allow'],
    ['listing another prefix over HTTPS', sub, { action: 'name/cos:GetBucket', prefix: 'public/', secure: true }, [], 'implicit-deny:no-allow'],
    ['ACL WRITE grants the sub-user DeleteObject', sub, { action: DEL, key: 'x' }, subAcl, 'allow:acl'],
    ['ACL WRITE does not grant reads', sub, { action: GET, key: 'x' }, subAcl, 'implicit-deny:no-allow'],
    ['deny overrides an ACL grant', sub, { action: PUT, key: 'docs/secret/a' }, subAcl, 'deny:no-secret'],
    ['public-read ACL lets anonymous read', anon, { action: GET, key: 'x' }, [{ grantee: { type: 'id', id: ANYONE_ID }, permission: 'READ' }], 'allow:acl'],
    ['FULL_CONTROL covers PutObjectACL', other, { action: 'name/cos:PutObjectACL', key: 'x' }, [{ grantee: { type: 'id', id: OTHER_P }, permission: 'FULL_CONTROL' }], 'allow:acl'],
    ['FULL_CONTROL does not cover bucket configuration', other, { action: 'name/cos:PutBucketCORS' }, [{ grantee: { type: 'id', id: OTHER_P }, permission: 'FULL_CONTROL' }], 'implicit-deny:no-allow'],
  ])('%s', (_name, principal, request, acl, expected) => {
    const r = run(principal, request, acl);
    if (!r.ok) throw new Error('policy did not parse');
    const d = r.decision;
    const by = d.effect === 'implicit-deny' ? d.reason : typeof d.by === 'string' ? d.by : d.by.sid;
    expect(`${d.effect}:${by}`).toBe(expected);
    expect(r.allowed).toBe(d.effect === 'allow');
  });

  it('explains each statement: the decisive one, and failing conditions with the request values', () => {
    const r = run(other, { action: GET, key: 'a', sourceIp: '127.0.0.1' });
    if (!r.ok) throw new Error('policy did not parse');
    const office = r.statements.find((s) => s.sid === 'office-ip');
    expect(office).toMatchObject({ result: 'condition', decisive: false, conditions: [{ operator: 'ip_equal', key: 'qcs:ip', values: ['10.0.0.0/8'], requestValues: ['127.0.0.1'], holds: false }] });
    expect(r.statements.find((s) => s.sid === 'public-read')?.result).toBe('resource');
    expect(r.statements.find((s) => s.sid === 'sub-docs')?.result).toBe('principal');
    const allowed = run(other, { action: GET, key: 'a', sourceIp: '10.0.0.9' });
    if (!allowed.ok) throw new Error('policy did not parse');
    expect(allowed.statements.filter((s) => s.decisive).map((s) => s.sid)).toEqual(['office-ip']);
  });

  it('reports the ACL grants that decide, and reads no ACL for the owner', () => {
    const r = run(sub, { action: DEL, key: 'x' }, subAcl);
    expect(r.ok && r.acl).toEqual({ source: 'bucket', grants: subAcl });
    const o = run(owner, { action: 'name/cos:PutBucketCORS' }, subAcl);
    expect(o.ok && o.acl.grants).toEqual([]);
  });

  it('an object ACL replaces the bucket ACL for object reads', () => {
    const publicRead = { grants: [{ grantee: { type: 'id', id: ANYONE_ID }, permission: 'READ' }] as AclGrant[] };
    const r = simulate({ policyText: '', bucket: BUCKET, ownerUin: OWNER, principal: anon, request: { action: GET, key: 'x' }, bucketAcl: publicRead, objectAcl: { grants: [] } });
    expect(r.ok && r.decision).toEqual({ effect: 'implicit-deny', reason: 'no-allow' });
  });

  it('no policy: only the ACL and the owner decide; an invalid draft is reported', () => {
    expect(run(anon, { action: GET, key: 'public/a' }, [], '  ')).toMatchObject({ ok: true, allowed: false, policyPresent: false, statements: [] });
    expect(run(anon, { action: GET, key: 'a' }, [], '{ "version": ')).toMatchObject({ ok: false, errors: [{ code: 'invalid-json' }] });
  });

  it('List Multipart Uploads with a prefix is allowed where the prefix is, as cos-local does', () => {
    const p = JSON.stringify({ version: '2.0', statement: [{ effect: 'allow', principal: { qcs: [SUB_P] }, action: ['name/cos:ListMultipartUploads'], resource: [RES('doc/*')] }] });
    expect(run(sub, { action: 'name/cos:ListMultipartUploads', prefix: 'doc/a' }, [], p)).toMatchObject({ allowed: true, viaPrefix: true });
    expect(run(sub, { action: 'name/cos:ListMultipartUploads' }, [], p)).toMatchObject({ allowed: false, viaPrefix: false });
  });

  it('keys that do not apply to the action are not carried', () => {
    const r = run(other, { action: GET, key: 'a', contentType: 'image/png', sourceIp: '1.2.3.4' });
    expect(r.ok && r.context).toMatchObject({ 'qcs:ip': '1.2.3.4' });
    expect(r.ok && r.context['cos:content-type']).toBeUndefined();
  });

  it.each([
    [`qcs::cam::uin/${OWNER}:uin/${OWNER}`, OWNER],
    [`qcs::cam::uin/${OWNER}:uin/${SUB}`, undefined],
    [undefined, undefined],
  ])('owner id %s → %s', (id, uin) => {
    expect(uinOfOwnerId(id)).toBe(uin);
  });
});
