// PUT Bucket policy's resource scope (COS error-code spec) and the GET form of the document
// (436/8276; cos-nodejs-sdk-v5 test/test.js group 'BucketPolicy').
import { describe, expect, it } from 'vitest';
import { policyGetForm, resourcesOutsideBucket } from './bucket-policy-doc';
import { must } from './test-helpers';

describe('policyGetForm', () => {
  it('leaves the 436/8276 sample (already "Statement") byte for byte', () => {
    const text = '{"Statement":[{"Principal":{"qcs":["qcs::cam::uin/100000000001:uin/100000000001"]},"Effect": "allow","Action":["name/cos:GetBucket"],"Resource":["qcs::cos:ap-guangzhou:uid/1250000000:examplebucket-1250000000/*"]}],"version": "2.0"}';
    expect(policyGetForm(text)).toBe(text);
  });

  it('spells the top-level statement key "Statement" and changes nothing else (cos-nodejs-sdk-v5 test "putBucketPolicy(),getBucketPolicy()")', () => {
    const text = '{\n  "version" : "2.0",\n  "principal": {"qcs": ["qcs::cam::uin/10001:uin/10001"]},\n  "statement" :[{"effect":"allow","resource":["a \\"statement\\": x"],"action":["name/cos:GetBucket"]}]}';
    const got = policyGetForm(text);
    expect(got).toBe(text.replace('"statement" :', '"Statement" :'));
    const parsed = JSON.parse(got) as { Statement: { resource: string[] }[] };
    expect(parsed.Statement[0]?.resource[0]).toBe('a "statement": x');
  });

  it('does not touch a nested "statement" key or a "statement" value', () => {
    const text = '{"version":"2.0","Statement":[{"sid":"statement","condition":{"string_equal":{"statement":"x"}}}]}';
    expect(policyGetForm(text)).toBe(text);
  });
});

describe('resourcesOutsideBucket', () => {
  const bucket = { name: 'photos-1250000000', appId: '1250000000', region: 'ap-guangzhou' };
  const doc = (...resource: string[]) => must({ version: '2.0', statement: [{ principal: { qcs: ['qcs::cam::anyone:anyone'] }, effect: 'allow', action: ['name/cos:GetObject'], resource }] });

  it.each([
    ['its objects', 'qcs::cos:ap-guangzhou:uid/1250000000:photos-1250000000/*', []],
    ['any region', 'qcs::cos::uid/1250000000:photos-1250000000/a/*', []],
    ['a bucket glob that covers it', 'qcs::cos:ap-guangzhou:uid/1250000000:*', []],
    ['the SDK suite\'s form bucket//appid/short/prefix/*', 'qcs::cos:ap-guangzhou:uid/1250000000:photos-1250000000//1250000000/photos/p/*', []],
    ['everything', '*', []],
    ['another bucket', 'qcs::cos:ap-guangzhou:uid/1250000000:docs-1250000000/*', ['qcs::cos:ap-guangzhou:uid/1250000000:docs-1250000000/*']],
    ['another appid', 'qcs::cos:ap-guangzhou:uid/1250000001:photos-1250000000/*', ['qcs::cos:ap-guangzhou:uid/1250000001:photos-1250000000/*']],
    ['another region', 'qcs::cos:ap-beijing:uid/1250000000:photos-1250000000/*', ['qcs::cos:ap-beijing:uid/1250000000:photos-1250000000/*']],
    ['another product', 'qcs::cvm:ap-guangzhou:uin/100000000001:instance/*', ['qcs::cvm:ap-guangzhou:uin/100000000001:instance/*']],
  ])('%s', (_name, resource, expected) => {
    expect(resourcesOutsideBucket(doc(resource), bucket)).toEqual(expected);
  });
});
