import { describe, expect, it } from 'vitest';
import { buildListAllMyBucketsXml, creationDate, parseListAllMyBucketsXml } from './service';
import docSample from './__fixtures__/service-response.xml?raw';

describe('ListAllMyBucketsResult codec', () => {
  it('parses the doc sample and round-trips it', () => {
    const parsed = parseListAllMyBucketsXml(docSample);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.value.owner).toEqual({ id: 'qcs::cam::uin/100000000001:uin/100000000001', displayName: '100000000001' });
    expect(parsed.value.buckets.map((b) => b.name)).toEqual(['examplebucket1-1250000000', 'examplebucket2-1250000000']);
    expect(parseListAllMyBucketsXml(buildListAllMyBucketsXml(parsed.value))).toEqual(parsed);
  });

  it('keeps a single bucket as a list and an empty account as no bucket', () => {
    const one = { owner: { id: 'o', displayName: 'd' }, buckets: [{ name: 'a-1', location: 'r', creationDate: 'c' }] };
    expect(parseListAllMyBucketsXml(buildListAllMyBucketsXml(one))).toEqual({ ok: true, value: one });
    const none = buildListAllMyBucketsXml({ owner: { id: 'o', displayName: 'd' }, buckets: [] });
    expect(none).toContain('<Buckets></Buckets>');
    expect(parseListAllMyBucketsXml(none)).toEqual({ ok: true, value: { owner: { id: 'o', displayName: 'd' }, buckets: [] } });
  });

  it('formats CreationDate without milliseconds', () => {
    expect(creationDate(Date.UTC(2019, 4, 24, 11, 49, 50, 123))).toBe('2019-05-24T11:49:50Z');
  });
});
