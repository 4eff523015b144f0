import { describe, expect, it } from 'vitest';
import { isValidRegion, parseBucketName } from './bucket-name';
import { checkObjectKey, utf8Length } from './object-key';

const SHORT_NAME_RULE = 'only a-z, 0-9 and "-" are allowed, and the name may not start or end with "-"';

describe('bucket names', () => {
  it.each([
    ['examplebucket-1250000000', 'ok'],
    ['1-newproject-1250000000', 'ok'],
    ['a-1', 'ok'],
    ['Example-1250000000', SHORT_NAME_RULE],
    ['-lead-1250000000', SHORT_NAME_RULE],
    ['trail--1250000000', SHORT_NAME_RULE],
    ['no_underscore-1250000000', SHORT_NAME_RULE],
    ['noappid', 'a bucket name must end with -<APPID>'],
    ['x'.repeat(39) + '-1250000000', 'ok'],
    ['x'.repeat(40) + '-1250000000', 'longer than 50 characters'],
  ])('%s → %s', (name, outcome) => {
    const r = parseBucketName(name);
    expect(r.ok ? 'ok' : r.reason).toBe(outcome);
  });

  it('splits the short name and the APPID', () => {
    expect(parseBucketName('photos-1250000000')).toEqual({ ok: true, shortName: 'photos', appId: '1250000000' });
  });

  it.each([['ap-guangzhou', true], ['accelerate', true], ['cos.ap-guangzhou', false], ['AP', false]])('region %s → %s', (r, ok) => {
    expect(isValidRegion(r)).toBe(ok);
  });
});

describe('object keys', () => {
  it('counts UTF-8 bytes', () => {
    expect(utf8Length('a中🙂')).toBe(1 + 3 + 4);
    expect(utf8Length('a中🙂')).toBe(new TextEncoder().encode('a中🙂').length);
  });
  it.each([
    ['a//b', 'ok'],
    ['../x', 'ok'],
    ['中'.repeat(283), 'ok'], // 849 bytes
    ['x'.repeat(850), 'ok'],
    ['x'.repeat(851), 'KeyTooLong'],
    ['', 'InvalidArgument'],
  ])('%s: %s', (key, outcome) => {
    const r = checkObjectKey(key);
    expect(r.ok ? 'ok' : r.code).toBe(outcome);
  });
});
