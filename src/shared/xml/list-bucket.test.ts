import { describe, expect, it } from 'vitest';
import { buildListBucketXml, lastModifiedIso, parseListBucketXml, type ListBucketResult } from './list-bucket';
import docSample from './__fixtures__/list-bucket-response.xml?raw';

const owner = { id: '100000000001', displayName: '100000000001' };

describe('ListBucketResult codec', () => {
  it('parses the doc sample (quoted ETag, empty Prefix/Marker, lists) and round-trips', () => {
    const parsed = parseListBucketXml(docSample);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.value).toMatchObject({
      name: 'examplebucket-1250000000', prefix: '', marker: '', maxKeys: 1000, delimiter: '/', isTruncated: false,
      commonPrefixes: ['example-folder-1/', 'example-folder-2/'],
    });
    expect(parsed.value.contents[0]).toMatchObject({ key: 'example-object-1.jpg', etag: '"3f9a5dbff88b25b769fa6304902b4ba5"', size: 1048576 });
    expect(parseListBucketXml(buildListBucketXml(parsed.value))).toEqual(parsed);
  });

  it('builds in doc order, NextMarker only when given, no Delimiter when none', () => {
    const r: ListBucketResult = {
      name: 'b-1', prefix: 'p/', marker: 'p/a', maxKeys: 2, isTruncated: true, nextMarker: 'p/c',
      commonPrefixes: [], contents: [{ key: 'p/c', lastModified: lastModifiedIso(0), etag: '"x"', size: 3, owner, storageClass: 'STANDARD' }],
    };
    const xml = buildListBucketXml(r);
    expect(xml).toMatch(/<Name>b-1<\/Name><Prefix>p\/<\/Prefix><Marker>p\/a<\/Marker><MaxKeys>2<\/MaxKeys><IsTruncated>true<\/IsTruncated><NextMarker>p\/c<\/NextMarker><Contents>/);
    expect(xml).toContain('<LastModified>1970-01-01T00:00:00.000Z</LastModified>');
    expect(xml).not.toContain('Delimiter');
  });

  it('percent-encodes key-like values with encoding-type=url and decodes them back', () => {
    const r: ListBucketResult = {
      name: 'b-1', encodingType: 'url', prefix: '腾讯云/', marker: '', maxKeys: 1000, delimiter: '/', isTruncated: false,
      commonPrefixes: ['腾讯云/a b+/'], contents: [{ key: '腾讯云/x&y', lastModified: 'l', etag: '"e"', size: 0, owner, storageClass: 'STANDARD' }],
    };
    const xml = buildListBucketXml(r);
    expect(xml).toContain('<Prefix>%E8%85%BE%E8%AE%AF%E4%BA%91%2F</Prefix>');
    expect(xml).toContain('<Prefix>%E8%85%BE%E8%AE%AF%E4%BA%91%2Fa%20b%2B%2F</Prefix>');
    expect(xml).toContain('<Key>%E8%85%BE%E8%AE%AF%E4%BA%91%2Fx%26y</Key>');
    expect(parseListBucketXml(xml)).toEqual({ ok: true, value: r });
  });
});
