import { describe, expect, it } from 'vitest';
import { actionMatches, cosActionInfo, COS_ACTIONS, expandAction } from './action';

describe('actionMatches', () => {
  it.each([
    ['exact', 'name/cos:GetObject', 'name/cos:GetObject', true],
    ['all actions', '*', 'name/cos:DeleteObject', true],
    ['name/cos:*', 'name/cos:*', 'name/cos:PutBucketACL', true],
    ['bare cos:*', 'cos:*', 'name/cos:GetObject', true],
    ['bare exact', 'cos:GetObject', 'name/cos:GetObject', true],
    ['Get* prefix', 'name/cos:Get*', 'name/cos:GetBucketACL', true],
    ['Get* does not cover Head', 'name/cos:Get*', 'name/cos:HeadObject', false],
    ['PutObject* covers PutObjectACL', 'cos:PutObject*', 'name/cos:PutObjectACL', true],
    ['PutObject* does not cover PostObject', 'cos:PutObject*', 'name/cos:PostObject', false],
    ['case-sensitive [tencentcloud 436/12469]', 'name/cos:getobject', 'name/cos:GetObject', false],
    ['other product', 'monitor:*', 'name/cos:GetObject', false],
    ['name/monitor:* neither', 'name/monitor:*', 'name/cos:GetObject', false],
    ['no implicit prefix match', 'name/cos:Get', 'name/cos:GetObject', false],
  ] as const)('%s', (_name, pattern, action, expected) => {
    expect(actionMatches(pattern, action)).toBe(expected);
  });
});

describe('COS_ACTIONS', () => {
  it.each([
    ['name/cos:GetService', 'service', ['qcs:resource_tag']],
    ['name/cos:GetBucket', 'bucket', ['cos:prefix']],
    ['name/cos:GetObject', 'object', ['cos:versionid', 'cos:response-content-type']],
    ['name/cos:PutBucket', 'bucket', ['qcs:request_tag', 'cos:x-cos-acl']],
    ['name/cos:CompleteMultipartUpload', 'object', ['cos:x-cos-forbid-overwrite']],
  ] as const)('%s is %s-level with its keys', (name, level, keys) => {
    const a = cosActionInfo(name);
    expect(a?.level).toBe(level);
    for (const k of [...keys, 'qcs:ip', 'cos:secure-transport']) expect(a?.conditionKeys).toContain(k);
  });

  it('does not give GetObject the upload-only keys', () => {
    expect(cosActionInfo('cos:GetObject')?.conditionKeys).not.toContain('cos:content-length');
  });

  it('names are unique and canonical', () => {
    const names = COS_ACTIONS.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.every((n) => /^name\/cos:[A-Z][A-Za-z]+$/.test(n))).toBe(true);
  });

  it('expands a wildcard to the known actions (sample 2 read-only [tencentcloud 436/11714])', () => {
    const heads = expandAction('name/cos:Head*').map((a) => a.name);
    expect(heads).toEqual(['name/cos:HeadBucket', 'name/cos:HeadObject']);
    expect(expandAction('monitor:*')).toEqual([]);
  });
});
