import { describe, expect, it } from 'vitest';
import type { ResourceRef } from './model';
import { formatResource, parseResource, resourceStringMatches } from './resource';

const base = 'qcs::cos:ap-beijing:uid/1250000000:';
const obj = (key: string, bucket = 'examplebucket-1250000000', region = 'ap-beijing'): ResourceRef => ({ region, appId: '1250000000', bucket, key });
const bucketRef: ResourceRef = { region: 'ap-beijing', appId: '1250000000', bucket: 'examplebucket-1250000000' };

describe('resourceStringMatches', () => {
  it.each([
    ['* covers objects', '*', obj('a'), true],
    ['* covers GET Service', '*', { service: true }, true],
    ['appid-wide covers any bucket', `${base}*`, obj('x', 'other-1250000000'), true],
    ['appid-wide is region-bound', `${base}*`, obj('x', 'examplebucket-1250000000', 'ap-guangzhou'), false],
    ['appid-wide does not cover GET Service', `${base}*`, { service: true }, false],
    ['bucket/* covers objects', `${base}examplebucket-1250000000/*`, obj('doc/a.txt'), true],
    ['bucket/* covers the bucket itself [tencentcloud 436/30580]', `${base}examplebucket-1250000000/*`, bucketRef, true],
    ['bucket/ is the bucket', `${base}examplebucket-1250000000/`, bucketRef, true],
    ['bucket/ is not its objects', `${base}examplebucket-1250000000/`, obj('a'), false],
    ['prefix glob', `${base}examplebucket-1250000000/doc/*`, obj('doc/sub/a.mp3'), true],
    ['prefix glob excludes siblings', `${base}examplebucket-1250000000/doc/*`, obj('doc2/a.mp3'), false],
    ['prefix glob does not cover the bucket', `${base}examplebucket-1250000000/doc/*`, bucketRef, false],
    ['exact key', `${base}examplebucket-1250000000/doc/audio.mp3`, obj('doc/audio.mp3'), true],
    ['no * = exact (docs/cos-behaviour.md trap 16, case 5)', `${base}examplebucket-1250000000/folder/sub-folder/prefix`, obj('folder/sub-folder/prefix-1.jpg'), false],
    ['several stars', `${base}examplebucket-1250000000/*/thumb/*.jpg`, obj('u1/thumb/a/b.jpg'), true],
    ['Chinese key kept as is [tencentcloud 436/30580]', `${base}examplebucket-1250000000/文件夹/*`, obj('文件夹/文件名.txt'), true],
    ['empty region = any region [tencentcloud 436/32971]', 'qcs::cos::uid/1250000000:examplebucket-1250000000/*', obj('a', 'examplebucket-1250000000', 'ap-shanghai'), true],
    ['other appid', 'qcs::cos:ap-beijing:uid/1250000001:examplebucket-1250000000/*', obj('a'), false],
    ['other bucket', `${base}examplebucket2-1250000000/*`, obj('a'), false],
    ['legacy prefix// form', 'qcs::cos:ap-beijing:uid/1250000000:prefix//1250000000/examplebucket/dir/*', obj('dir/x'), true],
    ['legacy prefix// form, outside the prefix', 'qcs::cos:ap-beijing:uid/1250000000:prefix//1250000000/examplebucket/dir/*', obj('other/x'), false],
    ['another product never matches', 'qcs::cvm:ap-beijing:uin/100000000001:instance/*', obj('a'), false],
    ['garbage matches nothing', 'examplebucket-1250000000/*', obj('a'), false],
  ] as const)('%s', (_name, pattern, ref, expected) => {
    expect(resourceStringMatches(pattern, ref)).toBe(expected);
  });
});

describe('parseResource', () => {
  it('normalises the legacy form', () => {
    const p = parseResource('qcs::cos:ap-guangzhou:uid/1250000000:prefix//1250000000/test/dir/*');
    expect(p).toMatchObject({ ok: true, normalised: 'qcs::cos:ap-guangzhou:uid/1250000000:test-1250000000/dir/*', notes: [] });
  });

  it.each([
    ['missing slash after bucket', `${base}examplebucket-1250000000`, 'bucket-without-slash'],
    ['short bucket name', `${base}examplebucket/*`, 'bucket-appid-mismatch'],
    ['other product', 'qcs::cvm::uin/1:instance/*', 'foreign-resource'],
  ] as const)('notes %s', (_name, raw, code) => {
    const p = parseResource(raw);
    expect(p.ok && p.notes.map((n) => n.code)).toContain(code);
  });

  it('rejects uin/ in a COS resource with a suggestion', () => {
    expect(parseResource(`qcs::cos:ap-beijing:uin/1250000000:b-1250000000/*`)).toMatchObject({
      ok: false, suggestion: `${base}b-1250000000/*`,
    });
  });

  it('formats request resources', () => {
    expect(formatResource(obj('a/b.txt'))).toBe(`${base}examplebucket-1250000000/a/b.txt`);
    expect(formatResource(bucketRef)).toBe(`${base}examplebucket-1250000000/`);
    expect(formatResource({ service: true })).toBe('*');
  });
});
