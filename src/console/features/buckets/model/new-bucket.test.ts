import { describe, expect, it } from 'vitest';
import { accountAppId, bucketNameProblem, exampleBucketName, regionProblem } from './new-bucket';

describe('bucketNameProblem', () => {
  it.each([
    ['photos-1250000000', undefined, undefined],
    ['a-1250000000', '1250000000', undefined],
    ['', undefined, { key: 'bucketCreate.errors.required' }],
    ['photos', undefined, { key: 'bucketCreate.errors.suffix' }],
    ['photos', '1250000000', { key: 'bucketCreate.errors.appId', appId: '1250000000' }],
    ['photos-1250000001', '1250000000', { key: 'bucketCreate.errors.appId', appId: '1250000000' }],
    ['Photos-1250000000', undefined, { key: 'bucketCreate.errors.chars' }],
    ['-photos-1250000000', undefined, { key: 'bucketCreate.errors.chars' }],
    ['photos--1250000000', undefined, { key: 'bucketCreate.errors.chars' }],
    ['ph_otos-1250000000', undefined, { key: 'bucketCreate.errors.chars' }],
    // 40 + 11 = 51 characters: one too many, -APPID counted in.
    [`${'a'.repeat(40)}-1250000000`, undefined, { key: 'bucketCreate.errors.length', max: 50 }],
    [`${'a'.repeat(39)}-1250000000`, undefined, undefined],
  ])('%s (APPID %s)', (name, appId, expected) => {
    expect(bucketNameProblem(name, appId)).toEqual(expected);
  });
});

describe('accountAppId', () => {
  it('is the APPID every listed bucket shares, else unknown', () => {
    expect(accountAppId([{ name: 'a-1250000000' }, { name: 'b-1250000000' }])).toBe('1250000000');
    expect(accountAppId([{ name: 'a-1250000000' }, { name: 'b-1250000001' }])).toBeUndefined();
    expect(accountAppId([])).toBeUndefined();
    expect(exampleBucketName(undefined)).toBe('examplebucket-1250000000');
    expect(exampleBucketName('1300000000')).toBe('examplebucket-1300000000');
  });
});

describe('regionProblem', () => {
  it('needs a region name, one of the allowed regions when the server names them', () => {
    expect(regionProblem('ap-beijing', undefined)).toBeUndefined();
    expect(regionProblem('', undefined)).toBe('bucketCreate.errors.regionRequired');
    expect(regionProblem('AP_Beijing', undefined)).toBe('bucketCreate.errors.regionInvalid');
    expect(regionProblem('ap-beijing', ['ap-guangzhou'])).toBe('bucketCreate.errors.regionInvalid');
    expect(regionProblem('ap-guangzhou', ['ap-guangzhou'])).toBeUndefined();
    expect(regionProblem('ap-beijing', [])).toBeUndefined();
  });
});
