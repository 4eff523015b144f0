import { describe, expect, it } from 'vitest';
import { buildContext, tagsFromHeader, type RequestFacts } from './context';

const facts = (over: Partial<RequestFacts> = {}): RequestFacts => ({ headers: {}, query: {}, secure: false, ...over });

describe('buildContext', () => {
  it.each([
    ['client ip', facts({ clientIp: '10.0.0.1' }), 'qcs:ip', '10.0.0.1'],
    ['prefix is URL-encoded like the policy value (docs/cos-behaviour.md trap 7) [tencentcloud 436/46206]', facts({ query: { prefix: 'folder1/' } }), 'cos:prefix', 'folder1%2F'],
    ['Chinese prefix is URL-encoded', facts({ query: { prefix: '文件夹/' } }), 'cos:prefix', '%E6%96%87%E4%BB%B6%E5%A4%B9%2F'],
    ['response-content-type is URL-encoded [tencentcloud 436/46206]', facts({ query: { 'response-content-type': 'image/jpeg' } }), 'cos:response-content-type', 'image%2Fjpeg'],
    ['content-type is not encoded [tencentcloud 436/46206]', facts({ headers: { 'Content-Type': 'image/jpeg' } }), 'cos:content-type', 'image/jpeg'],
    ['versionid from the query, any case', facts({ query: { versionId: 'MTg0NDUx' } }), 'cos:versionid', 'MTg0NDUx'],
    ['versionid "" is missing [tencentcloud 436/46206]', facts({ query: { versionid: '' } }), 'cos:versionid', undefined],
    ['content-length', facts({ headers: { 'content-length': '5' } }), 'cos:content-length', '5'],
    ['secure-transport false', facts(), 'cos:secure-transport', 'false'],
    ['secure-transport true', facts({ secure: true }), 'cos:secure-transport', 'true'],
    ['tls-version from Node\'s TLSv1.2', facts({ secure: true, tlsVersion: 'TLSv1.2' }), 'cos:tls-version', '1.2'],
    ['no tls-version over plain HTTP', facts({ tlsVersion: 'TLSv1.2' }), 'cos:tls-version', undefined],
    ['storage class', facts({ headers: { 'x-cos-storage-class': 'STANDARD_IA' } }), 'cos:x-cos-storage-class', 'STANDARD_IA'],
    ['acl', facts({ headers: { 'x-cos-acl': 'private' } }), 'cos:x-cos-acl', 'private'],
    ['forbid-overwrite', facts({ headers: { 'x-cos-forbid-overwrite': 'true' } }), 'cos:x-cos-forbid-overwrite', 'true'],
    ['host, lowercased', facts({ headers: { Host: 'ExampleBucket-1250000000.cos.ap-guangzhou.myqcloud.com' } }), 'cos:host', 'examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com'],
    ['grant header keeps its quotes [tencentcloud 436/46206]', facts({ headers: { 'x-cos-grant-read': 'id="100000000001"' } }), 'cos:x-cos-grant-read', 'id="100000000001"'],
    ['request tags from x-cos-tagging [tencentcloud 436/46206]', facts({ headers: { 'x-cos-tagging': 'a=b&c=d' } }), 'qcs:request_tag', ['a&b', 'c&d']],
    ['resource tags', facts({ resourceTags: [{ key: 'key', value: 'value' }] }), 'qcs:resource_tag', ['key&value']],
    ['retention days: floor of whole days [tencentcloud 436/46206]', facts({ currentTime: '2022-11-15T09:00:00Z', headers: { 'x-cos-object-lock-retain-until-date': '2022-11-17T10:10:11Z' } }), 'cos:object-lock-remaining-retention-days', '2'],
    ['retention days, later the same day [tencentcloud 436/46206]', facts({ currentTime: '2022-11-15T12:00:00Z', headers: { 'x-cos-object-lock-retain-until-date': '2022-11-17T10:10:11Z' } }), 'cos:object-lock-remaining-retention-days', '1'],
    ['current time', facts({ currentTime: '2022-11-15T12:00:00Z' }), 'qcs:current_time', '2022-11-15T12:00:00Z'],
  ] as const)('%s', (_name, f, key, expected) => {
    expect(buildContext(f)[key]).toEqual(expected);
  });

  it('leaves out keys the action does not carry [tencentcloud 436/46206]', () => {
    const f = facts({ action: 'name/cos:GetObject', clientIp: '10.0.0.1', headers: { 'content-type': 'image/png' }, query: { 'response-content-type': 'image/png' } });
    const ctx = buildContext(f);
    expect(ctx['cos:content-type']).toBeUndefined();
    expect(ctx['cos:response-content-type']).toBe('image%2Fpng');
    expect(ctx['qcs:ip']).toBe('10.0.0.1');
  });

  it('decodes tag parts and tolerates broken escapes', () => {
    expect(tagsFromHeader('k%20x=v%2F1&bad=%E0')).toEqual([{ key: 'k x', value: 'v/1' }, { key: 'bad', value: '%E0' }]);
  });
});
