import { describe, expect, it } from 'vitest';
import { buildMatrix, sampleKeyOf, scopesOf } from './matrix';
import { parseDraft } from './simulate';

const APPID = '1250000000';
const OWNER = '100000000001';
const SUB = '100000000011';
const BUCKET = { name: `mx-${APPID}`, region: 'ap-guangzhou', appId: APPID };
const RES = (path: string) => `qcs::cos:ap-guangzhou:uid/${APPID}:${BUCKET.name}/${path}`;
const SUB_P = `qcs::cam::uin/${OWNER}:uin/${SUB}`;

const POLICY = JSON.stringify({
  version: '2.0',
  statement: [
    { effect: 'allow', principal: { qcs: [SUB_P] }, action: ['name/cos:GetObject', 'name/cos:HeadObject', 'name/cos:GetBucket'], resource: [RES('docs/*'), RES('*')] },
    { effect: 'allow', principal: { qcs: [SUB_P] }, action: ['name/cos:PutObject'], resource: [RES('docs/drafts/*'), `qcs::cos:ap-guangzhou:uid/${APPID}:other-${APPID}/x/*`] },
    { effect: 'deny', principal: { qcs: [SUB_P] }, action: ['name/cos:*'], resource: [RES('docs/private/*/key.txt'), RES('readme.md')] },
  ],
});

describe('sampleKeyOf', () => {
  it.each([
    ['', 'example.txt'], ['*', 'example.txt'], ['docs/*', 'docs/example'], ['docs/', 'docs/example.txt'],
    ['docs/*/key.txt', 'docs/example/key.txt'], ['a?c', 'axc'], ['readme.md', 'readme.md'],
  ])('%s → %s', (pattern, key) => {
    expect(sampleKeyOf(pattern)).toBe(key);
  });
});

describe('scopesOf', () => {
  it('the bucket root, then this bucket\'s patterns in order; other buckets and `*` are left out', () => {
    const parsed = parseDraft(POLICY);
    const scopes = parsed.ok ? scopesOf(parsed.policy, BUCKET) : [];
    expect(scopes.map((s) => [s.pattern, s.prefix])).toEqual([
      ['', ''], ['docs/*', 'docs/'], ['docs/drafts/*', 'docs/drafts/'], ['docs/private/*/key.txt', 'docs/private/'], ['readme.md', 'readme.md'],
    ]);
  });
});

describe('buildMatrix', () => {
  const rows = buildMatrix({ policyText: POLICY, bucket: BUCKET, ownerUin: OWNER, principal: { kind: 'sub', uin: SUB } }) ?? [];
  const cell = (pattern: string, action: string) => rows.find((r) => r.pattern === pattern)?.cells.find((c) => c.action === `name/cos:${action}`)?.allowed;
  it.each([
    ['', 'GetObject', true], ['', 'PutObject', false], ['', 'GetBucket', true], ['', 'DeleteObject', false],
    ['docs/*', 'HeadObject', true], ['docs/*', 'PutObject', false],
    ['docs/drafts/*', 'PutObject', true], ['docs/drafts/*', 'GetObject', true],
    ['docs/private/*/key.txt', 'GetObject', false], ['readme.md', 'GetObject', false], ['readme.md', 'PutObjectACL', false],
  ] as const)('%s %s → %s', (pattern, action, allowed) => {
    expect(cell(pattern, action)).toBe(allowed);
  });

  it('the owner may do everything the policy does not deny; anonymous nothing', () => {
    const ownerRows = buildMatrix({ policyText: POLICY, bucket: BUCKET, ownerUin: OWNER, principal: { kind: 'owner' } }) ?? [];
    expect(ownerRows.every((r) => r.cells.every((c) => c.allowed))).toBe(true);
    const anonRows = buildMatrix({ policyText: POLICY, bucket: BUCKET, ownerUin: OWNER, principal: { kind: 'anonymous' } }) ?? [];
    expect(anonRows.some((r) => r.cells.some((c) => c.allowed))).toBe(false);
  });

  it('is undefined for a draft that does not parse', () => {
    expect(buildMatrix({ policyText: '{', bucket: BUCKET, ownerUin: OWNER, principal: { kind: 'owner' } })).toBeUndefined();
  });
});
