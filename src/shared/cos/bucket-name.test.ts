import { describe, expect, it } from 'vitest';
import { isValidRegion, parseBucketName } from './bucket-name';
import { checkObjectKey, utf8Length } from './object-key';

describe('bucket names', () => {
  it.each([
    ['examplebucket-1250000000', true],
    ['1-newproject-1250000000', true],
    ['a-1', true],
    ['Example-1250000000', false],
    ['-lead-1250000000', false],
    ['trail--1250000000', false],
    ['no_underscore-1250000000', false],
    ['noappid', false],
    ['x'.repeat(39) + '-1250000000', true],
    ['x'.repeat(40) + '-1250000000', false],
  ])('%s → %s', (name, ok) => {
    expect(parseBucketName(name).ok).toBe(ok);
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
    ['a//b', true],
    ['../x', true],
    ['中'.repeat(283), true], // 849 bytes
    ['x'.repeat(850), true],
    ['x'.repeat(851), false],
    ['', false],
  ])('%s is legal: %s', (key, ok) => {
    expect(checkObjectKey(key).ok).toBe(ok);
  });
});
