import { describe, expect, it } from 'vitest';
import { mapListResult } from './map-list-result';

describe('mapListResult', () => {
  it('converts strings to numbers and booleans', () => {
    const page = mapListResult({
      Contents: [{ Key: 'a/数据 1+1.txt', Size: '1536', LastModified: '2024-01-02T03:04:05.000Z', ETag: '"abc"', StorageClass: 'STANDARD_IA' }],
      CommonPrefixes: [{ Prefix: 'a/b/' }],
      IsTruncated: 'false',
    });
    expect(page).toEqual({
      objects: [{ key: 'a/数据 1+1.txt', size: 1536, lastModified: '2024-01-02T03:04:05.000Z', etag: '"abc"', storageClass: 'STANDARD_IA' }],
      prefixes: ['a/b/'],
      isTruncated: false,
      nextMarker: undefined,
    });
  });

  it.each([
    ['NextMarker given', { IsTruncated: 'true', NextMarker: 'k2', Contents: [{ Key: 'k1' }] }, 'k2'],
    ['falls back to the last key', { IsTruncated: 'true', Contents: [{ Key: 'a' }, { Key: 'c' }], CommonPrefixes: [{ Prefix: 'b/' }] }, 'c'],
    ['falls back to the last prefix', { IsTruncated: 'true', Contents: [{ Key: 'a' }], CommonPrefixes: [{ Prefix: 'b/' }] }, 'b/'],
    ['no marker when complete', { IsTruncated: 'false', NextMarker: 'x' }, undefined],
  ] as const)('next marker: %s', (_name, raw, marker) => {
    expect(mapListResult(raw).nextMarker).toBe(marker);
  });

  it('treats a missing listing as empty', () => {
    expect(mapListResult({})).toEqual({ objects: [], prefixes: [], isTruncated: false, nextMarker: undefined });
  });
});
