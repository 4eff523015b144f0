import { describe, expect, it } from 'vitest';
import { buildListVersionsXml, parseListVersionsXml, type ListVersionsResult } from './list-versions';

const owner = { id: '1250000000', displayName: '1250000000' };
const base: ListVersionsResult = {
  name: 'examplebucket-1250000000', prefix: '', keyMarker: '', versionIdMarker: '', maxKeys: 1000, isTruncated: false,
  commonPrefixes: [], versions: [], deleteMarkers: [],
};

describe('ListVersionsResult codec (436/35521)', () => {
  it('round-trips versions, delete markers, prefixes and markers', () => {
    const r: ListVersionsResult = {
      ...base, delimiter: '/', isTruncated: true, nextKeyMarker: 'b', nextVersionIdMarker: 'v2', commonPrefixes: ['dir/'],
      versions: [{ key: 'a', versionId: 'v1', isLatest: true, lastModified: '2020-01-01T00:00:00.000Z', owner, etag: '"e"', size: 3, storageClass: 'STANDARD' }],
      deleteMarkers: [{ key: 'b', versionId: 'v2', isLatest: true, lastModified: '2020-01-02T00:00:00.000Z', owner }],
    };
    expect(parseListVersionsXml(buildListVersionsXml(r))).toEqual({ ok: true, value: r });
  });

  it('percent-encodes keys and prefixes with encoding-type=url', () => {
    const r: ListVersionsResult = {
      ...base, encodingType: 'url', prefix: '中/', keyMarker: 'a b',
      versions: [{ key: '中/a+b c', versionId: 'null', isLatest: true, lastModified: '2020-01-01T00:00:00.000Z', owner, etag: '"e"', size: 0, storageClass: 'STANDARD' }],
    };
    const xml = buildListVersionsXml(r);
    expect(xml).toContain('<Key>%E4%B8%AD%2Fa%2Bb%20c</Key>');
    expect(xml).toContain('<KeyMarker>a%20b</KeyMarker>');
    expect(parseListVersionsXml(xml)).toEqual({ ok: true, value: r });
  });

  it('refuses another root', () => {
    expect(parseListVersionsXml('<ListBucketResult/>')).toEqual({ ok: false, reason: 'the root element must be ListVersionsResult' });
  });
});
