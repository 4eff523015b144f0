import { describe, expect, it } from 'vitest';
import { httpString } from './canonical';
import { hmacSha1Hex, signRequest, stringToSign } from './sign';
import { authorizationFields, parseAuthorization } from './parse';

// Worked vectors, produced with cos-js-sdk-v5 1.10.1's COS.getAuthorization (src/util.js getAuth) and
// re-derived by hand from the algorithm of 436/7778 (docs/cos-behaviour.md "Signature").
const base = { secretId: 'AKIDEXAMPLE', secretKey: 'SECRETKEYEXAMPLE', keyTime: '1700000000;1700000900' };
const prefix = 'q-sign-algorithm=sha1&q-ak=AKIDEXAMPLE&q-sign-time=1700000000;1700000900&q-key-time=1700000000;1700000900';

describe('COS signature (Appendix A vectors)', () => {
  it('derives SignKey', () => {
    expect(hmacSha1Hex('SECRETKEYEXAMPLE', '1700000000;1700000900')).toBe('472ce45f70b562f91089efd947ae913134e4b890');
  });

  it('builds HttpString and StringToSign of vector 1', () => {
    const http = httpString('PUT', '/', { cors: '' }, {
      Host: 'examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com',
      'Content-MD5': 'eopnUnlJglGV2nUZMsQfmg==',
    });
    expect(http).toBe('put\n/\ncors=\ncontent-md5=eopnUnlJglGV2nUZMsQfmg%3D%3D&host=examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com\n');
    expect(stringToSign('1700000000;1700000900', http)).toBe('sha1\n1700000000;1700000900\n9e60eae226f5ee7d8f7354401bed58df52e69d09\n');
  });

  it.each([
    [
      '1: PUT ?cors with Content-MD5',
      { method: 'PUT', pathname: '/', query: { cors: '' }, headers: { host: 'examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com', 'content-md5': 'eopnUnlJglGV2nUZMsQfmg==' } },
      '&q-header-list=content-md5;host&q-url-param-list=cors&q-signature=2730b8518fabd4b6972211a6c55275d8c96acf42',
    ],
    [
      '2: path-style GET with prefix and delimiter',
      { method: 'GET', pathname: '/', query: { prefix: 'photos/', delimiter: '/' }, headers: { host: '127.0.0.1:18080' } },
      '&q-header-list=host&q-url-param-list=delimiter;prefix&q-signature=c6cab559e9a3e27356b365fcb705f3655e883f21',
    ],
    [
      '3: PUT of a unicode key with user metadata',
      { method: 'PUT', pathname: '/dir/中文 a+b(1).txt', query: {}, headers: { 'content-length': '5', host: 'examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com', 'x-cos-meta-author': 'Zhang San' } },
      '&q-header-list=content-length;host;x-cos-meta-author&q-url-param-list=&q-signature=dd4cd4be36d797997da95a166283bb63f86a257e',
    ],
  ])('vector %s', (_name, req, suffix) => {
    expect(signRequest({ ...base, ...req })).toBe(prefix + suffix);
  });

  it('a wrong key gives another signature', () => {
    const good = signRequest({ ...base, method: 'GET', pathname: '/' });
    const bad = signRequest({ ...base, secretKey: 'WRONG', method: 'GET', pathname: '/' });
    expect(bad).not.toBe(good);
  });

  it('parses what it signs, including a percent-encoded param list', () => {
    const auth = signRequest({ ...base, method: 'GET', pathname: '/', query: { prefix: 'a', 'max-keys': '2' } });
    const parsed = parseAuthorization(authorizationFields(auth.replace('max-keys;prefix', 'max-keys%3bprefix')));
    expect(parsed).toMatchObject({ ok: true, value: { accessKeyId: 'AKIDEXAMPLE', urlParamList: ['max-keys', 'prefix'] } });
    expect(parseAuthorization(new Map([['q-ak', 'x']]))).toEqual({ ok: false, reason: 'missing q-sign-algorithm' });
  });
});
