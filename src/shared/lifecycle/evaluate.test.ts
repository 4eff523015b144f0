import { describe, expect, it } from 'vitest';
import type { LifecycleFilter, LifecycleRule } from '../xml/lifecycle';
import { DAY_MS, dueAfterDays, filterMatches, planKey, uploadExpired, type VersionFacts } from './evaluate';

const at = (iso: string): number => Date.parse(iso);
const rule = (r: Partial<LifecycleRule>): LifecycleRule => ({
  filter: { kind: 'all' }, status: 'Enabled', transitions: [], noncurrentVersionTransitions: [], ...r,
});
const version = (versionId: string, iso: string, more: Partial<VersionFacts> = {}): VersionFacts => ({
  versionId, lastModified: at(iso), deleteMarker: false, storageClass: 'STANDARD', tags: [], ...more,
});

describe('dueAfterDays (S3: creation time + days, rounded to the next midnight UTC)', () => {
  it.each([
    ['the S3 doc example', '2014-01-15T10:30:00Z', 3, '2014-01-19T00:00:00Z'],
    ['just before midnight', '2024-03-01T23:59:59Z', 1, '2024-03-03T00:00:00Z'],
    ['exactly midnight', '2024-03-01T00:00:00Z', 1, '2024-03-03T00:00:00Z'],
    ['zero days', '2024-03-01T12:00:00Z', 0, '2024-03-02T00:00:00Z'],
  ])('%s', (_name, start, days, due) => {
    expect(new Date(dueAfterDays(at(start), days)).toISOString()).toBe(new Date(due).toISOString());
  });
});

describe('filterMatches', () => {
  const tags = [{ key: 'team', value: 'a' }, { key: 'tmp', value: '1' }];
  it.each<[LifecycleFilter, string, boolean]>([
    [{ kind: 'all' }, 'x', true],
    [{ kind: 'prefix', prefix: 'logs/' }, 'logs/a', true],
    [{ kind: 'prefix', prefix: 'logs/' }, 'log', false],
    [{ kind: 'tag', tag: { key: 'tmp', value: '1' } }, 'x', true],
    [{ kind: 'tag', tag: { key: 'tmp', value: '2' } }, 'x', false],
    [{ kind: 'and', prefix: 'logs/', tags: [{ key: 'team', value: 'a' }] }, 'logs/a', true],
    [{ kind: 'and', prefix: 'logs/', tags: [{ key: 'team', value: 'a' }] }, 'other/a', false],
    [{ kind: 'and', tags: [{ key: 'team', value: 'a' }, { key: 'tmp', value: '0' }] }, 'x', false],
  ])('%j on %s → %s', (filter, key, expected) => {
    expect(filterMatches(filter, key, tags)).toBe(expected);
  });
});

describe('planKey', () => {
  const expire30 = rule({ expiration: { days: '30' } });
  const created = '2024-01-10T08:00:00Z'; // due 2024-02-10T00:00Z

  it('expires the current version at the day boundary, not before', () => {
    const history = [version('v1', created)];
    expect(planKey([expire30], 'k', history, at('2024-02-09T23:59:59Z'))).toEqual([]);
    expect(planKey([expire30], 'k', history, at('2024-02-10T00:00:00Z'))).toEqual([{ kind: 'expire-current', versionId: 'v1' }]);
  });

  it('ignores disabled rules and keys or tags the filter does not select', () => {
    const now = at('2025-01-01T00:00:00Z');
    expect(planKey([{ ...expire30, status: 'Disabled' }], 'k', [version('v1', created)], now)).toEqual([]);
    expect(planKey([{ ...expire30, filter: { kind: 'prefix', prefix: 'tmp/' } }], 'k', [version('v1', created)], now)).toEqual([]);
    const tagged = { ...expire30, filter: { kind: 'tag', tag: { key: 't', value: '1' } } } as const;
    expect(planKey([tagged], 'k', [version('v1', created)], now)).toEqual([]);
    expect(planKey([tagged], 'k', [version('v1', created, { tags: [{ key: 't', value: '1' }] })], now)).toHaveLength(1);
  });

  it('applies a Date from that instant on', () => {
    const r = rule({ expiration: { date: '2024-06-01T16:00:00.000Z' } });
    expect(planKey([r], 'k', [version('v1', created)], at('2024-06-01T15:59:59Z'))).toEqual([]);
    expect(planKey([r], 'k', [version('v1', created)], at('2024-06-01T16:00:00Z'))).toHaveLength(1);
  });

  it('transitions to the latest due class, once', () => {
    const r = rule({ transitions: [{ days: '30', storageClass: 'STANDARD_IA' }, { days: '90', storageClass: 'ARCHIVE' }] });
    expect(planKey([r], 'k', [version('v1', created)], at('2024-03-01T00:00:00Z'))).toEqual([{ kind: 'transition', versionId: 'v1', storageClass: 'STANDARD_IA' }]);
    expect(planKey([r], 'k', [version('v1', created, { storageClass: 'STANDARD_IA' })], at('2024-03-01T00:00:00Z'))).toEqual([]);
    expect(planKey([r], 'k', [version('v1', created)], at('2024-06-01T00:00:00Z'))).toEqual([{ kind: 'transition', versionId: 'v1', storageClass: 'ARCHIVE' }]);
  });

  it('counts noncurrent days from when the successor was written', () => {
    const r = rule({ noncurrentVersionExpiration: { noncurrentDays: '10' } });
    const history = [version('v3', '2024-03-01T12:00:00Z'), version('v2', '2024-02-01T12:00:00Z'), version('v1', '2024-01-01T00:00:00Z')];
    // v1 noncurrent since 02-01 12:00 → due 02-12; v2 since 03-01 12:00 → due 03-12.
    expect(planKey([r], 'k', history, at('2024-02-11T23:00:00Z'))).toEqual([]);
    expect(planKey([r], 'k', history, at('2024-02-12T00:00:00Z'))).toEqual([{ kind: 'delete-version', versionId: 'v1' }]);
    expect(planKey([r], 'k', history, at('2024-03-12T00:00:00Z'))).toEqual([
      { kind: 'delete-version', versionId: 'v2' }, { kind: 'delete-version', versionId: 'v1' },
    ]);
  });

  it('transitions noncurrent versions', () => {
    const r = rule({ noncurrentVersionTransitions: [{ noncurrentDays: '0', storageClass: 'standard_ia' }] });
    const history = [version('v2', '2024-02-01T12:00:00Z'), version('v1', '2024-01-01T00:00:00Z')];
    expect(planKey([r], 'k', history, at('2024-02-02T00:00:00Z'))).toEqual([{ kind: 'transition', versionId: 'v1', storageClass: 'STANDARD_IA' }]);
  });

  it('removes a delete marker only when no older version is left (also after this run\'s deletions)', () => {
    const sweep = rule({ expiration: { expiredObjectDeleteMarker: 'true' }, noncurrentVersionExpiration: { noncurrentDays: '1' } });
    const marker = version('m', '2024-02-01T00:00:00Z', { deleteMarker: true, storageClass: '' });
    expect(planKey([sweep], 'k', [marker], at('2024-02-01T00:00:01Z'))).toEqual([{ kind: 'remove-marker', versionId: 'm' }]);
    const withOlder = [marker, version('v1', '2024-01-01T00:00:00Z')];
    expect(planKey([sweep], 'k', withOlder, at('2024-02-01T00:00:01Z'))).toEqual([]);
    expect(planKey([sweep], 'k', withOlder, at('2024-02-03T00:00:00Z'))).toEqual([
      { kind: 'delete-version', versionId: 'v1' }, { kind: 'remove-marker', versionId: 'm' },
    ]);
    expect(planKey([rule({ expiration: { days: '1' } })], 'k', [marker], at('2030-01-01T00:00:00Z'))).toEqual([]);
  });
});

describe('uploadExpired', () => {
  const r = rule({ filter: { kind: 'prefix', prefix: 'big/' }, abortIncompleteMultipartUpload: { daysAfterInitiation: '2' } });
  it('aborts uploads under the prefix after DaysAfterInitiation, rounded to midnight', () => {
    const initiated = at('2024-05-01T18:00:00Z'); // due 05-04T00:00Z
    expect(uploadExpired([r], 'big/a', initiated, at('2024-05-03T23:59:59Z'))).toBe(false);
    expect(uploadExpired([r], 'big/a', initiated, at('2024-05-04T00:00:00Z'))).toBe(true);
    expect(uploadExpired([r], 'small/a', initiated, at('2024-06-01T00:00:00Z'))).toBe(false);
    expect(DAY_MS).toBe(86_400_000);
  });
});
