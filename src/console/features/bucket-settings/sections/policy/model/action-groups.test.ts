import { describe, expect, it } from 'vitest';
import { COS_ACTIONS } from '../../../../../../shared/policy/action';
import { groupedActions, groupOf, otherActions } from './action-groups';

describe('groupOf', () => {
  it.each([
    ['name/cos:GetObject', 'object-read'],
    ['name/cos:PutObject', 'object-write'],
    ['name/cos:CompleteMultipartUpload', 'object-write'],
    ['name/cos:GetBucket', 'listing'],
    ['name/cos:PutObjectACL', 'acl'],
    ['name/cos:PutBucketCORS', 'bucket-config'],
    ['name/cos:PutBucketPolicy', 'bucket-sensitive'],
    ['name/cos:DeleteBucket', 'bucket-sensitive'],
  ])('%s → %s', (action, group) => expect(groupOf(action)).toBe(group));
});

describe('groupedActions', () => {
  it('lists every known action exactly once', () => {
    expect(groupedActions('').flatMap((g) => g.actions).sort()).toEqual(COS_ACTIONS.map((a) => a.name).sort());
  });
  it.each([
    ['cors', ['bucket-config']],
    ['ACL', ['acl']],
    ['zzz', []],
  ])('search %s → groups %j', (q, groups) => expect(groupedActions(q).map((g) => g.group)).toEqual(groups));
});

describe('otherActions', () => {
  it('keeps wildcards and the bare form apart', () => {
    expect(otherActions(['name/cos:GetObject', 'cos:GetObject', 'name/cos:*', '*'])).toEqual(['cos:GetObject', 'name/cos:*', '*']);
  });
});
