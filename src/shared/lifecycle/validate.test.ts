import { describe, expect, it } from 'vitest';
import type { LifecycleRule } from '../xml/lifecycle';
import { validateLifecycle } from './validate';

const rule = (r: Partial<LifecycleRule>): LifecycleRule => ({
  filter: { kind: 'prefix', prefix: 'logs/' }, status: 'Enabled', transitions: [], noncurrentVersionTransitions: [], ...r,
});
const check = (...rules: LifecycleRule[]) => validateLifecycle({ rules });

describe('validateLifecycle', () => {
  it.each([
    ['expiration by days', rule({ expiration: { days: '30' } })],
    ['the SDK suite rule (Beijing-midnight Date transition)', rule({ transitions: [{ date: '2018-07-29T16:00:00.000Z', storageClass: 'STANDARD_IA' }] })],
    ['a zero-day transition', rule({ transitions: [{ days: '0', storageClass: 'archive' }] })],
    ['an offset date', rule({ expiration: { date: '2030-01-01T00:00:00+08:00' } })],
    ['noncurrent actions and abort', rule({
      noncurrentVersionTransitions: [{ noncurrentDays: '10', storageClass: 'STANDARD_IA' }],
      noncurrentVersionExpiration: { noncurrentDays: '20' }, abortIncompleteMultipartUpload: { daysAfterInitiation: '3' },
    })],
    ['a delete-marker sweep', rule({ expiration: { expiredObjectDeleteMarker: 'true' } })],
    ['a disabled rule', rule({ status: 'Disabled', expiration: { days: '1' } })],
    ['tags with expiration', rule({ filter: { kind: 'and', prefix: 'a/', tags: [{ key: 'k', value: 'v' }] }, expiration: { days: '1' } })],
  ])('accepts %s', (_name, r) => {
    expect(check(r)).toBeUndefined();
  });

  it.each([
    ['a bad status', rule({ status: 'On', expiration: { days: '1' } }), 'MalformedXML'],
    ['a rule without action', rule({}), 'InvalidRequest'],
    ['zero expiration days', rule({ expiration: { days: '0' } }), 'InvalidArgument'],
    ['negative days', rule({ transitions: [{ days: '-1', storageClass: 'STANDARD_IA' }] }), 'InvalidArgument'],
    ['a non-ISO date', rule({ expiration: { date: '2030-01-01' } }), 'InvalidArgument'],
    ['days and date in one expiration', rule({ expiration: { days: '1', date: '2030-01-01T00:00:00Z' } }), 'MalformedXML'],
    ['days and date in one rule (436/8280)', rule({ expiration: { days: '60' }, transitions: [{ date: '2030-01-01T00:00:00Z', storageClass: 'STANDARD_IA' }] }), 'InvalidArgument'],
    ['a transition without time', rule({ transitions: [{ storageClass: 'STANDARD_IA' }] }), 'MalformedXML'],
    ['a transition to STANDARD', rule({ transitions: [{ days: '1', storageClass: 'STANDARD' }] }), 'InvalidArgument'],
    ['an unknown class', rule({ noncurrentVersionTransitions: [{ noncurrentDays: '1', storageClass: 'GLACIER' }] }), 'InvalidArgument'],
    ['a bad marker flag', rule({ expiration: { expiredObjectDeleteMarker: 'yes' } }), 'MalformedXML'],
    ['zero noncurrent days', rule({ noncurrentVersionExpiration: { noncurrentDays: '0' } }), 'InvalidArgument'],
    ['zero abort days', rule({ abortIncompleteMultipartUpload: { daysAfterInitiation: '0' } }), 'InvalidArgument'],
    ['And with one condition', rule({ filter: { kind: 'and', prefix: 'a', tags: [] }, expiration: { days: '1' } }), 'MalformedXML'],
    ['an empty tag key', rule({ filter: { kind: 'tag', tag: { key: '', value: 'v' } }, expiration: { days: '1' } }), 'InvalidArgument'],
    ['a marker sweep with tags', rule({ filter: { kind: 'tag', tag: { key: 'k', value: 'v' } }, expiration: { expiredObjectDeleteMarker: 'true' } }), 'InvalidArgument'],
    ['abort with tags', rule({ filter: { kind: 'tag', tag: { key: 'k', value: 'v' } }, abortIncompleteMultipartUpload: { daysAfterInitiation: '1' } }), 'InvalidArgument'],
    ['a long ID', rule({ id: 'x'.repeat(256), expiration: { days: '1' } }), 'InvalidArgument'],
  ])('refuses %s', (_name, r, code) => {
    expect(check(r)?.code).toBe(code);
  });

  it('refuses repeated rule IDs', () => {
    expect(check(rule({ id: 'a', expiration: { days: '1' } }), rule({ id: 'a', expiration: { days: '2' } }))?.code).toBe('InvalidArgument');
    expect(check(rule({ id: 'a', expiration: { days: '1' } }), rule({ id: 'b', expiration: { days: '2' } }))).toBeUndefined();
  });
});
