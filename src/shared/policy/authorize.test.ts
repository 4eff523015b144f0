import { describe, expect, it } from 'vitest';
import type { Policy } from './model';
import { authorize, type AuthorizeInput, type Requester } from './authorize';
import { ANYONE } from './principal';
import { ALL_OBJECTS, APPID, ROOT_A, ctx, must, object, policy } from './test-helpers';

const GET = 'name/cos:GetObject';
const PUT = 'name/cos:PutObject';
const A = '100000000001';
const B = '100000000002';
const rootA: Requester = { kind: 'root', uin: A };
const subA: Requester = { kind: 'sub', rootUin: A, uin: '100000000002' };
const rootB: Requester = { kind: 'root', uin: B };
const b0: Requester = { kind: 'sub', rootUin: B, uin: '100000000020' };
const anon: Requester = { kind: 'anonymous' };

const denyAllDeletes = policy('bucket', { effect: 'deny', action: ['name/cos:DeleteObject', 'name/cos:PutBucketPolicy'], principal: ANYONE });
const grantRootB = must({ version: '2.0', statement: [{ principal: { qcs: [`qcs::cam::uin/${B}:uin/${B}`] }, effect: 'allow', action: 'name/cos:*', resource: ALL_OBJECTS }] });
const b0Cam = must({ version: '2.0', statement: [{ effect: 'allow', action: 'cos:*', resource: `qcs::cos::uid/${APPID}:examplebucket-${APPID}/*` }] }, 'identity');
const subRead = policy('identity', { effect: 'allow', action: [GET, PUT] });
const publicRead = policy('bucket', { effect: 'allow', action: GET, principal: ANYONE });
const uploadOnly: Policy = policy('session', { effect: 'allow', action: PUT, resource: `qcs::cos:ap-guangzhou:uid/${APPID}:examplebucket-${APPID}/uploads/*` });

function decide(over: Partial<AuthorizeInput> & { requester: Requester }): string {
  const d = authorize({ ownerUin: A, action: GET, resource: object('uploads/a.jpg'), context: ctx(GET), ...over });
  if (d.effect === 'allow') return typeof d.by === 'string' ? `allow:${d.by}` : `allow:${d.by.source}`;
  return d.effect === 'deny' ? `deny:${d.by.source}` : `implicit-deny:${d.reason}`;
}

describe('authorize', () => {
  it.each([
    ['root owner needs no policy [tencentcloud 436/12470]', { requester: rootA }, 'allow:root-owner'],
    ['root owner is bound by an explicit bucket-policy deny (436/45235)', { requester: rootA, action: 'name/cos:DeleteObject', bucketPolicy: denyAllDeletes }, 'deny:bucket'],
    ['…except PUT Bucket policy, so the owner can repair a lock-out (436/45235)', { requester: rootA, action: 'name/cos:PutBucketPolicy', resource: { region: 'ap-guangzhou', appId: APPID, bucket: `examplebucket-${APPID}` }, bucketPolicy: denyAllDeletes }, 'allow:root-owner'],
    ['sub-user with nothing', { requester: subA }, 'implicit-deny:no-allow'],
    ['sub-user through its CAM policy', { requester: subA, identityPolicies: [subRead] }, 'allow:identity'],
    ['sub-user through the bucket policy (same account)', { requester: subA, bucketPolicy: policy('bucket', { effect: 'allow', action: GET }) }, 'allow:bucket'],
    ['sub-user: a bucket deny beats its CAM allow', { requester: subA, identityPolicies: [subRead], bucketPolicy: policy('bucket', { effect: 'deny', action: GET }) }, 'deny:bucket'],
    ['sub-user through an ACL grant', { requester: subA, aclAllows: true }, 'allow:acl'],
    ['a grant to root A does not reach A\'s sub-user', { requester: subA, bucketPolicy: policy('bucket', { effect: 'allow', action: GET, principal: ROOT_A }) }, 'implicit-deny:no-allow'],
    ['anonymous through anyone', { requester: anon, bucketPolicy: publicRead }, 'allow:bucket'],
    ['anonymous ignores CAM policies', { requester: anon, identityPolicies: [subRead] }, 'implicit-deny:no-allow'],
    ['other root through the bucket policy', { requester: rootB, bucketPolicy: grantRootB }, 'allow:bucket'],
    ['cross-account B0: A grants B and B delegates (docs/cos-behaviour.md evaluation step 4) [tencentcloud 436/32971]', { requester: b0, bucketPolicy: grantRootB, identityPolicies: [b0Cam] }, 'allow:bucket'],
    ['cross-account B0 without B\'s CAM policy', { requester: b0, bucketPolicy: grantRootB }, 'implicit-deny:cross-account-identity'],
    ['cross-account B0 without A\'s grant', { requester: b0, identityPolicies: [b0Cam] }, 'implicit-deny:cross-account-resource'],
    ['cross-account B0: a deny to root B reaches B0', { requester: b0, identityPolicies: [b0Cam], bucketPolicy: policy('bucket', { effect: 'deny', action: GET, principal: `qcs::cam::uin/${B}:uin/${B}` }) }, 'deny:bucket'],
    ['temporary key: session policy allows, identity allows', { requester: subA, identityPolicies: [subRead], sessionPolicy: uploadOnly, action: PUT, context: ctx(PUT) }, 'allow:identity'],
    ['temporary key cannot download what the identity could (evaluation step 1) [tencentcloud 436/45242]', { requester: subA, identityPolicies: [subRead], sessionPolicy: uploadOnly }, 'implicit-deny:session-policy'],
    ['temporary key never widens: session allows, identity does not', { requester: subA, sessionPolicy: uploadOnly, action: PUT, context: ctx(PUT) }, 'implicit-deny:no-allow'],
    ['temporary key of the root owner is still limited', { requester: rootA, sessionPolicy: uploadOnly, resource: object('other/a.jpg'), action: PUT, context: ctx(PUT) }, 'implicit-deny:session-policy'],
  ] as const)('%s', (_name, over, expected) => {
    expect(decide(over)).toBe(expected);
  });
});
