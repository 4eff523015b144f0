import { describe, expect, it } from 'vitest';
import { resolveRegion } from './resolve-region';

const buckets = [{ name: 'photos-1250000000', region: 'ap-guangzhou' }];

describe('resolveRegion', () => {
  it.each([
    ['list still loading', { bucket: 'photos-1250000000', buckets: undefined, regionParam: null }, { status: 'pending' }],
    ['bucket in the list', { bucket: 'photos-1250000000', buckets, regionParam: null }, { status: 'resolved', region: 'ap-guangzhou' }],
    ['list wins over the param', { bucket: 'photos-1250000000', buckets, regionParam: 'ap-beijing' }, { status: 'resolved', region: 'ap-guangzhou' }],
    ['bucket not listed, param given', { bucket: 'other-1250000001', buckets, regionParam: 'ap-shanghai' }, { status: 'resolved', region: 'ap-shanghai' }],
    ['list failed, param given', { bucket: 'x-1250000000', buckets: 'failed', regionParam: 'ap-chengdu' }, { status: 'resolved', region: 'ap-chengdu' }],
    ['nothing known', { bucket: 'x-1250000000', buckets: 'failed', regionParam: null }, { status: 'unknown' }],
  ] as const)('%s', (_name, inputs, expected) => {
    expect(resolveRegion(inputs)).toEqual(expected);
  });
});
