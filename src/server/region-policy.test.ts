// The region checks behind COS_ALLOWED_REGIONS (routes/regions.test.ts covers them through the API).
import { describe, expect, it } from 'vitest';
import { regionOfHost, RegionPolicy } from './region-policy';

describe('regionOfHost', () => {
  it.each([
    ['photos-1250000000.cos.ap-guangzhou.myqcloud.com', 'ap-guangzhou'],
    ['photos-1250000000.cos-internal.ap-shanghai.tencentcos.cn', 'ap-shanghai'],
    ['photos-1250000000.cos-website.ap-beijing.myqcloud.com', 'ap-beijing'],
    ['photos-1250000000.cos.ap-guangzhou.localhost:9000', 'ap-guangzhou'],
    ['cos.ap-chengdu.myqcloud.com', 'ap-chengdu'],
    ['PHOTOS-1250000000.COS.AP-GUANGZHOU.MYQCLOUD.COM', 'ap-guangzhou'],
    // Names no region: global service host, acceleration, path-style and custom hosts.
    ['service.cos.myqcloud.com', undefined],
    ['photos-1250000000.cos.accelerate.myqcloud.com', undefined],
    ['127.0.0.1:9000', undefined],
    ['cos.example.internal', undefined],
    ['files.example.com', undefined],
  ])('%s → %s', (host, region) => {
    expect(regionOfHost(host)).toBe(region);
  });
});

describe('RegionPolicy', () => {
  const policy = new RegionPolicy(['ap-guangzhou']);
  const open = new RegionPolicy(undefined);

  it('allows everything without a list', () => {
    expect(open.refusal('ap-beijing')).toBeUndefined();
    expect(open.signRefusal({ Bucket: 'a-1250000000', Headers: { Host: '127.0.0.1:9000' } })).toBeUndefined();
    expect(open.filter([{ region: 'ap-beijing' }])).toEqual([{ region: 'ap-beijing' }]);
  });

  it('refuses other regions with 403 RegionNotAllowed naming the list', () => {
    const refused = policy.refusal('ap-beijing');
    expect(refused).toMatchObject({ status: 403, code: 'RegionNotAllowed', message: 'Region ap-beijing is not allowed on this console; allowed: ap-guangzhou.' });
    expect(policy.refusal('ap-guangzhou')).toBeUndefined();
    expect(policy.filter([{ region: 'ap-beijing' }, { region: 'ap-guangzhou' }])).toEqual([{ region: 'ap-guangzhou' }]);
  });

  it.each([
    ['declared and addressed inside', { Bucket: 'a-1250000000', Region: 'ap-guangzhou', Headers: { Host: 'a-1250000000.cos.ap-guangzhou.myqcloud.com' } }, false],
    ['a custom host with a declared Region', { Bucket: 'a-1250000000', Region: 'ap-guangzhou', Headers: { host: 'cos.example.internal' } }, false],
    ['GET Service', { Bucket: '', Region: '', Headers: { Host: 'service.cos.myqcloud.com' } }, false],
    ['declared outside', { Bucket: 'a-1250000000', Region: 'ap-beijing', Headers: { Host: 'cos.example.internal' } }, true],
    ['addressed outside', { Bucket: 'a-1250000000', Region: 'ap-guangzhou', Headers: { Host: 'a-1250000000.cos.ap-beijing.myqcloud.com' } }, true],
    ['copied from outside', { Bucket: 'a-1250000000', Region: 'ap-guangzhou', Headers: { Host: 'a-1250000000.cos.ap-guangzhou.myqcloud.com', 'X-Cos-Copy-Source': 'b-1250000000.cos.ap-beijing.myqcloud.com/k' } }, true],
    ['a bucket request naming no region', { Bucket: 'a-1250000000', Headers: { Host: '127.0.0.1:9000' } }, true],
    ['a regional service host outside', { Bucket: '', Headers: { Host: 'cos.ap-beijing.myqcloud.com' } }, true],
  ])('sign: %s', (_case, input, refused) => {
    expect(policy.signRefusal(input) !== undefined).toBe(refused);
  });
});
