// The one reading of a query (query.ts): names case-insensitive, each at most once.
import { describe, expect, it } from 'vitest';
import { CosError } from '../shared/errors/cos-error';
import { RequestQuery } from './query';

describe('RequestQuery', () => {
  const cases: [raw: string, name: string, expected: string | undefined][] = [
    ['prefix=2024%2F', 'prefix', '2024/'],
    ['Prefix=2024%2F', 'prefix', '2024/'],
    ['PREFIX=2024%2F', 'Prefix', '2024/'],
    ['versionid=abc', 'versionId', 'abc'],
    ['versions', 'versions', ''],
    ['versions=', 'versions', ''],
    ['max-keys=10', 'MAX-KEYS', '10'],
    ['a=1+2', 'a', '1+2'],
    ['a=%zz', 'a', '%zz'],
    ['other=1', 'prefix', undefined],
    ['', 'prefix', undefined],
  ];
  it.each(cases)('%s: %s is %s', (raw, name, expected) => {
    const q = RequestQuery.parse(raw);
    expect(q.get(name)).toBe(expected);
    expect(q.has(name)).toBe(expected !== undefined);
  });

  const duplicates = ['prefix=a&prefix=b', 'prefix=a&Prefix=a', 'versions&Versions', 'x-cos-security-token=1&X-Cos-Security-Token=2', 'Prefix&prefix='];
  it.each(duplicates)('refuses %s with InvalidArgument', (raw) => {
    expect(() => RequestQuery.parse(raw)).toThrow(CosError);
    expect(() => RequestQuery.parse(raw)).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
  });

  it('keeps the parameters as sent for the signature', () => {
    expect(RequestQuery.parse('Prefix=a&acl').params).toEqual([{ name: 'Prefix', value: 'a' }, { name: 'acl', value: undefined }]);
  });

  it('replaces a parameter in any case with `with`', () => {
    const q = RequestQuery.parse('VersionId=1&prefix=p').with({ versionId: '2' });
    expect(q.get('versionid')).toBe('2');
    expect(q.params).toHaveLength(2);
    expect(RequestQuery.parse('versionId=1').with({ versionId: undefined }).has('versionId')).toBe(false);
  });
});
