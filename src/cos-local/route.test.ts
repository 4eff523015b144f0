import { describe, expect, it } from 'vitest';
import { CosError } from '../shared/errors/cos-error';
import { resolveRoute, type Route } from './route';

const VH = 'examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com';

describe('resolveRoute', () => {
  it.each([
    ['virtual-hosted bucket', '/', VH, { style: 'virtual-hosted', level: 'bucket', bucket: 'examplebucket-1250000000', region: 'ap-guangzhou', key: '', signaturePaths: ['/'] }],
    ['virtual-hosted object, decoded', '/dir/%E4%B8%AD%E6%96%87%20a%2Bb%281%29.txt', VH, { level: 'object', key: 'dir/中文 a+b(1).txt', signaturePaths: ['/dir/中文 a+b(1).txt'] }],
    ['port and *.localhost suffix', '/k', 'b-1.cos.eu-frankfurt.localhost:9000', { style: 'virtual-hosted', bucket: 'b-1', region: 'eu-frankfurt', key: 'k', host: 'b-1.cos.eu-frankfurt.localhost:9000' }],
    ['upper-case host', '/', 'B-1.COS.AP-GUANGZHOU.MYQCLOUD.COM', { bucket: 'b-1', region: 'ap-guangzhou' }],
    ['keys are not normalised', '/a//b/../c', VH, { key: 'a//b/../c' }],
    ['a key does not start with / or ./', '///a/.//b/../', VH, { level: 'object', key: 'a/.//b/../', signaturePaths: ['///a/.//b/../'] }],
    ['slashes and dots alone address the bucket', '/././//', VH, { level: 'bucket', key: '' }],
    ['path-style: the same, signed as sent', '/b-1250000000//x', undefined, { bucket: 'b-1250000000', key: 'x', signaturePaths: ['//x', '/b-1250000000//x'] }],
    ['encoded slash, ? and #', '/a%2Fb%3Fc%23d', VH, { key: 'a/b?c#d' }],
    ['website host', '/index.html', 'b-1250000000.cos-website.ap-beijing.myqcloud.com', { style: 'website', bucket: 'b-1250000000', region: 'ap-beijing', key: 'index.html' }],
    ['global service host', '/', 'service.cos.myqcloud.com', { style: 'service-host', level: 'service', region: undefined, bucket: undefined }],
    ['regional service host', '/', 'cos.ap-chengdu.myqcloud.com', { style: 'service-host', level: 'service', region: 'ap-chengdu' }],
    ['path-style service', '/', '127.0.0.1:9000', { style: 'path', level: 'service', bucket: undefined, signaturePaths: ['/'] }],
    ['path-style bucket', '/test-1250000000/', '127.0.0.1:9000', { level: 'bucket', bucket: 'test-1250000000', key: '', signaturePaths: ['/', '/test-1250000000/'] }],
    ['path-style bucket without slash', '/test-1250000000?cors', 'localhost:9000', { level: 'bucket', bucket: 'test-1250000000', subresources: ['cors'] }],
    ['path-style object', '/test-1250000000/dir/x%20y.txt', '127.0.0.1', { level: 'object', key: 'dir/x y.txt', signaturePaths: ['/dir/x y.txt', '/test-1250000000/dir/x y.txt'] }],
    ['path-style, not a bucket name', '/Favicon.ico', '127.0.0.1', { level: 'bucket', bucket: 'Favicon.ico', signaturePaths: ['/Favicon.ico'] }],
    ['absolute-form (proxy mode)', `http://${VH}/k?acl`, VH, { style: 'virtual-hosted', key: 'k', subresources: ['acl'], rawPath: '/k' }],
    ['absolute-form without path', `http://${VH}`, undefined, { level: 'bucket', host: VH }],
    ['no Host header', '/', undefined, { style: 'path', level: 'service', host: '' }],
  ])('%s', (_name, target, host, expected) => {
    const route = resolveRoute({ target, host });
    for (const [field, value] of Object.entries(expected)) expect(route[field as keyof Route], field).toEqual(value);
  });

  it('routes a bound custom domain by its host name: REST as the bucket host, WEBSITE as its website host', () => {
    const asked: string[] = [];
    const findDomain = (name: string) => {
      asked.push(name);
      if (name === 'static.example.com') return { bucket: 'b-1250000000', type: 'REST' as const };
      if (name === 'cos.example.com') return { bucket: 'w-1250000000', type: 'WEBSITE' as const };
      return undefined;
    };
    const rest = resolveRoute({ target: '/a/b.txt', host: 'static.example.com:8080', findDomain });
    expect(rest).toMatchObject({ style: 'virtual-hosted', level: 'object', bucket: 'b-1250000000', key: 'a/b.txt', signaturePaths: ['/a/b.txt'] });
    expect(rest.region).toBeUndefined(); // the bucket's own region applies
    // A bound name wins over the shape of a regional service host.
    expect(resolveRoute({ target: '/', host: 'cos.example.com', findDomain })).toMatchObject({ style: 'website', level: 'bucket', bucket: 'w-1250000000', key: '' });
    expect(resolveRoute({ target: '/x-1250000000/k', host: '127.0.0.1:9000', findDomain })).toMatchObject({ style: 'path', bucket: 'x-1250000000' });
    expect(resolveRoute({ target: '/', host: VH, findDomain }).style).toBe('virtual-hosted');
    expect(asked).toEqual(['static.example.com', 'cos.example.com', '127.0.0.1']); // bucket hosts are not looked up
  });

  it('keeps query order, bare parameters and decoded values', () => {
    const r = resolveRoute({ target: '/?uploads&prefix=a%2Fb&max-keys=2&q=1+2', host: VH });
    expect(r.query.params).toEqual([
      { name: 'uploads', value: undefined },
      { name: 'prefix', value: 'a/b' },
      { name: 'max-keys', value: '2' },
      { name: 'q', value: '1+2' },
    ]);
    expect(r.subresources).toEqual(['uploads']);
  });

  it('refuses a parameter given twice, in any case', () => {
    expect(() => resolveRoute({ target: '/?prefix=a&prefix=b', host: VH })).toThrow(/more than once/);
    expect(() => resolveRoute({ target: '/?prefix=a&Prefix=', host: VH })).toThrow(/same parameter/);
  });

  it('reads subresources in any case, by their canonical name', () => {
    expect(resolveRoute({ target: '/k?UPLOADID=1&PartNumber=2', host: VH }).subresources).toEqual(['uploadId', 'partNumber']);
  });

  it('routes and signs an absolute-form target by its authority, not the Host header', () => {
    const r = resolveRoute({ target: 'http://127.0.0.1:9000/docs-1250000000/k', host: VH });
    expect(r).toMatchObject({ host: '127.0.0.1:9000', bucket: 'docs-1250000000', key: 'k', style: 'path' });
  });

  it('refuses a path that is not valid percent-encoded UTF-8', () => {
    expect(() => resolveRoute({ target: '/%E4%B8', host: VH })).toThrow(CosError);
    expect(() => resolveRoute({ target: '/%zz', host: VH })).toThrow(expect.objectContaining({ code: 'InvalidURI', status: 400 }));
  });
});
