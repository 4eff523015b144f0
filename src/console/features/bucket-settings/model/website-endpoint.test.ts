import { describe, expect, it } from 'vitest';
import { websiteEndpoint } from './website-endpoint';

describe('websiteEndpoint', () => {
  const CASES: Array<[string, string, 'http:' | 'https:', string | undefined]> = [
    ['cos-local (local mode)', 'http://{Bucket}.cos.{Region}.localhost:9000', 'http:', 'http://site-1250000000.cos-website.ap-guangzhou.localhost:9000/'],
    ['cos-local, e2e port', 'http://{Bucket}.cos.{Region}.localhost:9413', 'http:', 'http://site-1250000000.cos-website.ap-guangzhou.localhost:9413/'],
    ['the SDK default (cloud mode)', '', 'https:', 'https://site-1250000000.cos-website.ap-guangzhou.myqcloud.com/'],
    ['explicit cloud template without a scheme', '{Bucket}.cos.{Region}.myqcloud.com', 'https:', 'https://site-1250000000.cos-website.ap-guangzhou.myqcloud.com/'],
    ['template without a scheme, http protocol', '{Bucket}.cos.{Region}.example.internal', 'http:', 'http://site-1250000000.cos-website.ap-guangzhou.example.internal/'],
    ['trailing slash', 'https://{Bucket}.cos.{Region}.myqcloud.com/', 'https:', 'https://site-1250000000.cos-website.ap-guangzhou.myqcloud.com/'],
    ['path-style: no website host to derive', 'http://cos.{Region}.localhost:9000', 'http:', undefined],
    ['accelerate domain: not the website host', 'https://{Bucket}.cos.accelerate.myqcloud.com', 'https:', undefined],
  ];
  it.each(CASES)('%s', (_, domain, protocol, url) => {
    expect(websiteEndpoint({ cos: { domain, protocol } }, 'site-1250000000', 'ap-guangzhou')?.url).toBe(url);
  });

  it('gives the Host and scheme the redirect tester keeps redirects on', () => {
    expect(websiteEndpoint({ cos: { domain: 'http://{Bucket}.cos.{Region}.localhost:9413', protocol: 'http:' } }, 'b-1', 'ap-beijing')).toEqual({
      url: 'http://b-1.cos-website.ap-beijing.localhost:9413/', host: 'b-1.cos-website.ap-beijing.localhost:9413', scheme: 'http',
    });
  });
});
