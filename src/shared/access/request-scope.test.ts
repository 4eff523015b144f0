import { describe, expect, it } from 'vitest';
import type { Grant, Scope } from './grants';
import { checkScope, deriveRequestScope, parseCopySource, SIGN_RULES, type RequestScope, type SignInput } from './request-scope';

const B = 'photos-1250000000';
const HOST = { Host: `${B}.cos.ap-guangzhou.myqcloud.com` };

const input = (Method: string, Pathname: string, Query: Record<string, string> = {}, Headers: Record<string, string> = {}, Bucket = B): SignInput =>
  ({ Method, Pathname, Query, Headers: { ...HOST, ...Headers }, Bucket, Region: 'ap-guangzhou' });

function scope(i: SignInput, share = false): RequestScope {
  const r = deriveRequestScope(i, { share });
  if (!r.ok) throw new Error(r.reason);
  return r.scope;
}

const needs = (s: RequestScope): string[] | string =>
  'admin' in s.requirements ? `admin: ${s.requirements.admin}` : s.requirements.map((r) => `${r.permissions.join('|')} ${r.bucket}/${r.path ?? '…'}`);

describe('deriveRequestScope: operation, CAM action, resource and requirements', () => {
  it.each([
    // method, pathname, query, headers → operation, action, resource, requirements
    ['GET', '/', { prefix: 'alice/', delimiter: '/' }, {}, 'GetBucket', 'name/cos:GetBucket', `${B}/alice/`, [`list ${B}/alice/`]],
    ['GET', '/', {}, {}, 'GetBucket', 'name/cos:GetBucket', `${B}/`, [`list ${B}/`]],
    ['GET', '/', { uploads: '', prefix: 'alice/a.bin' }, {}, 'ListMultipartUploads', 'name/cos:ListMultipartUploads', `${B}/alice/a.bin`, [`list|write ${B}/alice/a.bin`]],
    ['GET', '/', { versions: '', prefix: 'alice/' }, {}, 'GetBucketObjectVersions', 'name/cos:GetBucketObjectVersions', `${B}/alice/`, [`list ${B}/alice/`]],
    ['HEAD', '/', {}, {}, 'HeadBucket', 'name/cos:HeadBucket', `${B}/`, [`list ${B}/…`]],
    ['GET', '/alice/a.txt', {}, {}, 'GetObject', 'name/cos:GetObject', `${B}/alice/a.txt`, [`read ${B}/alice/a.txt`]],
    ['GET', '/alice/a.txt', { versionId: 'v1', 'response-content-type': 'text/plain' }, {}, 'GetObject', 'name/cos:GetObject', `${B}/alice/a.txt`, [`read ${B}/alice/a.txt`]],
    ['HEAD', '/alice/a.txt', {}, {}, 'HeadObject', 'name/cos:HeadObject', `${B}/alice/a.txt`, [`read ${B}/alice/a.txt`]],
    ['GET', '/alice/a.txt', { acl: '' }, {}, 'GetObjectAcl', 'name/cos:GetObjectACL', `${B}/alice/a.txt`, [`read ${B}/alice/a.txt`]],
    ['GET', '/alice/a.txt', { tagging: '' }, {}, 'GetObjectTagging', 'name/cos:GetObjectTagging', `${B}/alice/a.txt`, [`read ${B}/alice/a.txt`]],
    ['PUT', '/alice/a.txt', {}, { 'content-length': '3' }, 'PutObject', 'name/cos:PutObject', `${B}/alice/a.txt`, [`write ${B}/alice/a.txt`]],
    ['PUT', '/alice/dir/', {}, {}, 'PutObject', 'name/cos:PutObject', `${B}/alice/dir/`, [`write ${B}/alice/dir/`]],
    ['POST', '/alice/big.bin', { uploads: '' }, {}, 'InitiateMultipartUpload', 'name/cos:InitiateMultipartUpload', `${B}/alice/big.bin`, [`write ${B}/alice/big.bin`]],
    ['PUT', '/alice/big.bin', { partNumber: '1', uploadId: 'u' }, {}, 'UploadPart', 'name/cos:UploadPart', `${B}/alice/big.bin`, [`write ${B}/alice/big.bin`]],
    ['GET', '/alice/big.bin', { uploadId: 'u' }, {}, 'ListParts', 'name/cos:ListParts', `${B}/alice/big.bin`, [`write ${B}/alice/big.bin`]],
    ['POST', '/alice/big.bin', { uploadId: 'u' }, {}, 'CompleteMultipartUpload', 'name/cos:CompleteMultipartUpload', `${B}/alice/big.bin`, [`write ${B}/alice/big.bin`]],
    ['DELETE', '/alice/big.bin', { uploadId: 'u' }, {}, 'AbortMultipartUpload', 'name/cos:AbortMultipartUpload', `${B}/alice/big.bin`, [`write ${B}/alice/big.bin`]],
    ['DELETE', '/alice/a.txt', {}, {}, 'DeleteObject', 'name/cos:DeleteObject', `${B}/alice/a.txt`, [`delete ${B}/alice/a.txt`]],
    ['POST', '/', { delete: '' }, { 'content-md5': 'x' }, 'DeleteMultipleObjects', 'name/cos:DeleteMultipleObjects', `${B}/`, [`delete ${B}/`]],
    ['POST', '/', {}, {}, 'PostObject', 'name/cos:PostObject', `${B}/`, [`write ${B}/`]],
    ['PUT', '/alice/a.txt', { acl: '' }, {}, 'PutObjectAcl', 'name/cos:PutObjectACL', `${B}/alice/a.txt`, [`settings ${B}/alice/a.txt`]],
    ['PUT', '/alice/a.txt', { tagging: '' }, {}, 'PutObjectTagging', 'name/cos:PutObjectTagging', `${B}/alice/a.txt`, [`settings ${B}/alice/a.txt`]],
    ['DELETE', '/alice/a.txt', { tagging: '' }, {}, 'DeleteObjectTagging', 'name/cos:DeleteObjectTagging', `${B}/alice/a.txt`, [`settings ${B}/alice/a.txt`]],
    ['PUT', '/', { cors: '' }, {}, 'PutBucketCors', 'name/cos:PutBucketCORS', `${B}/`, [`settings ${B}/`]],
    ['GET', '/', { policy: '' }, {}, 'GetBucketPolicy', 'name/cos:GetBucketPolicy', `${B}/`, [`settings ${B}/`]],
    ['GET', '/', { versioning: '' }, {}, 'GetBucketVersioning', 'name/cos:GetBucketVersioning', `${B}/`, [`settings|list ${B}/`]],
    ['PUT', '/', {}, {}, 'PutBucket', 'name/cos:PutBucket', `${B}/`, 'admin: only administrators create buckets'],
    ['DELETE', '/', {}, {}, 'DeleteBucket', 'name/cos:DeleteBucket', `${B}/`, 'admin: only administrators delete buckets'],
    ['GET', '/alice/a.jpg', { 'ci-process': 'x' }, {}, 'CiProcess', 'name/cos:CiProcess', `${B}/alice/a.jpg`, 'admin: data processing is not part of the console'],
    ['OPTIONS', '/alice/a.txt', {}, {}, 'OptionsObject', 'name/cos:OptionsObject', `${B}/alice/a.txt`, [`read ${B}/alice/a.txt`]],
  ] as const)('%s %s %j %j → %s', (method, path, query, headers, op, action, resourceName, requirements) => {
    const s = scope(input(method, path, { ...query }, { ...headers }));
    expect({ op: s.operation, action: s.action, resourceName: s.resourceName, needs: needs(s) })
      .toEqual({ op, action, resourceName, needs: typeof requirements === 'string' ? requirements : [...requirements] });
  });

  it('GET Service (no bucket) is for administrators: the console lists buckets server-side', () => {
    const s = scope({ Method: 'GET', Pathname: '/', Headers: { Host: 'service.cos.myqcloud.com' } });
    expect(s.operation).toBe('GetService');
    expect(s.resourceName).toBe('*');
    expect(needs(s)).toMatch(/^admin/);
  });

  it('a copy needs write on the target and read on the source, from the signed x-cos-copy-source', () => {
    const s = scope(input('PUT', '/alice/copy.txt', {}, { 'x-cos-copy-source': `docs-1250000000.cos.ap-guangzhou.myqcloud.com/shared/%E4%B8%AD.txt` }));
    expect(s.operation).toBe('PutObjectCopy');
    expect(s.action).toBe('name/cos:PutObject');
    expect(needs(s)).toEqual([`write ${B}/alice/copy.txt`, 'read docs-1250000000/shared/中.txt']);
    const part = scope(input('PUT', '/alice/big.bin', { partNumber: '2', uploadId: 'u' }, { 'X-Cos-Copy-Source': `/${B}/bob/src.bin` }));
    expect(part.operation).toBe('UploadPartCopy');
    expect(needs(part)).toEqual([`write ${B}/alice/big.bin`, `read ${B}/bob/src.bin`]);
  });

  it('an upload that sets a non-private ACL also needs settings', () => {
    expect(needs(scope(input('PUT', '/alice/a.txt', {}, { 'x-cos-acl': 'public-read' })))).toEqual([`write ${B}/alice/a.txt`, `settings ${B}/alice/a.txt`]);
    expect(needs(scope(input('POST', '/alice/a.txt', { uploads: '' }, { 'x-cos-grant-read': 'id="1"' })))).toEqual([`write ${B}/alice/a.txt`, `settings ${B}/alice/a.txt`]);
    expect(needs(scope(input('PUT', '/alice/a.txt', {}, { 'x-cos-acl': 'private' })))).toEqual([`write ${B}/alice/a.txt`]);
  });

  it('a share is GET or HEAD of one object and needs share', () => {
    expect(needs(scope(input('GET', '/alice/a.txt'), true))).toEqual([`share ${B}/alice/a.txt`]);
    expect(scope(input('HEAD', '/alice/a.txt'), true).share).toBe(true);
    for (const i of [input('PUT', '/alice/a.txt'), input('GET', '/', { prefix: 'alice/' }), input('GET', '/alice/a.txt', { acl: '' })]) {
      expect(deriveRequestScope(i, { share: true })).toMatchObject({ ok: false, reason: 'only GET and HEAD of an object can be shared' });
    }
  });

  it('a path-style host (cos-local) names no bucket and is accepted', () => {
    expect(scope({ ...input('GET', '/alice/a.txt'), Headers: { Host: '127.0.0.1:9000' } }).operation).toBe('GetObject');
  });

  it.each([
    ['no Host', { ...input('GET', '/a'), Headers: {} }, 'the Host header must be signed'],
    ['a Host naming another bucket', input('GET', '/a', {}, { Host: 'other-1250000000.cos.ap-guangzhou.myqcloud.com' }), `the Host names bucket other-1250000000, not ${B}`],
    ['a Host naming another region', input('GET', '/a', {}, { Host: `${B}.cos.ap-beijing.myqcloud.com` }), 'the Host names region ap-beijing, not ap-guangzhou'],
    ['a bucket host without Bucket', { Method: 'GET', Pathname: '/', Headers: HOST }, `the Host names bucket ${B}, not none`],
    ['an object without Bucket', { Method: 'GET', Pathname: '/a', Headers: { Host: 'x' } }, 'a request for an object needs its Bucket'],
    ['a bad bucket name', input('GET', '/a', {}, {}, 'Photos'), '"Photos" is not a bucket name (name-appid)'],
    ['a subresource spelled differently', input('PUT', '/a', { ACL: '' }), 'the query parameter "ACL" is spelled unlike any COS parameter it resembles'],
    ['prefix spelled differently', input('GET', '/', { Prefix: 'bob/' }), 'the query parameter "Prefix" is spelled unlike any COS parameter it resembles'],
    ['two headers differing in case', input('PUT', '/a', {}, { 'x-cos-acl': 'private', 'X-Cos-Acl': 'public-read' }), 'two headers differ only in case'],
    ['conflicting subresources', input('GET', '/', { cors: '', acl: '' }), 'GET /: Conflicting subresources: cors, acl.'],
    ['a method the resource does not take', input('POST', '/a'), 'POST /a: MethodNotAllowed'],
    ['a non-COS method', input('PATCH', '/a'), 'PATCH is not a COS method'],
    ['an unreadable copy source', input('PUT', '/a', {}, { 'x-cos-copy-source': 'nonsense' }), 'x-cos-copy-source must look like <bucket-appid>.cos.<region>.myqcloud.com/<key>'],
  ] as const)('refuses %s', (_name, i, reason) => {
    expect(deriveRequestScope(i as SignInput)).toEqual({ ok: false, reason });
  });

  it('parses the copy-source forms cos-local accepts', () => {
    expect(parseCopySource('b-1250000000.cos.ap-guangzhou.myqcloud.com/a%20b.txt?versionId=x')).toEqual({ bucket: 'b-1250000000', region: 'ap-guangzhou', key: 'a b.txt' });
    expect(parseCopySource('https://b-1250000000.cos.ap-guangzhou.localhost:9000/k')).toEqual({ bucket: 'b-1250000000', region: 'ap-guangzhou', key: 'k' });
    expect(parseCopySource('b-1250000000/dir/k')).toEqual({ bucket: 'b-1250000000', key: 'dir/k' });
    expect(parseCopySource('no-bucket')).toBeUndefined();
  });

  it('has a rule for every operation of the shared table', () => {
    expect(Object.keys(SIGN_RULES).length).toBeGreaterThan(70);
  });
});

describe('checkScope', () => {
  const grants: Grant[] = [
    { bucket: B, prefix: 'alice/', permissions: ['list', 'read', 'write'] },
    { bucket: B, prefix: 'shared/', permissions: ['read', 'share'] },
    { bucket: 'docs-1250000000', prefix: '', permissions: ['list', 'read', 'delete', 'settings'] },
  ];
  const user: Scope = { kind: 'grants', grants };
  const check = (i: SignInput, share = false) => checkScope(user, scope(i, share));

  it.each([
    ['list inside the prefix', input('GET', '/', { prefix: 'alice/photos/' }), true],
    ['list the prefix itself', input('GET', '/', { prefix: 'alice/' }), true],
    ['list a look-alike prefix', input('GET', '/', { prefix: 'alice' }), `list on ${B}/alice`],
    ['list the bucket root', input('GET', '/', {}), `list on ${B}/`],
    ['HEAD the bucket with any list grant', input('HEAD', '/'), true],
    ['read inside', input('GET', '/alice/a.txt'), true],
    ['read outside', input('GET', '/bob/a.txt'), `read on ${B}/bob/a.txt`],
    ['write inside', input('PUT', '/alice/new.txt'), true],
    ['write into a read-only prefix', input('PUT', '/shared/new.txt'), `write on ${B}/shared/new.txt`],
    ['delete without delete', input('DELETE', '/alice/a.txt'), `delete on ${B}/alice/a.txt`],
    ['object ACL without settings', input('PUT', '/alice/a.txt', { acl: '' }), `settings on ${B}/alice/a.txt`],
    ['an upload-only multipart listing', input('GET', '/', { uploads: '', prefix: 'alice/big.bin' }), true],
    ['a multipart listing of the root', input('GET', '/', { uploads: '' }), `list or write on ${B}/`],
    ['copy from a readable source', input('PUT', '/alice/c.txt', {}, { 'x-cos-copy-source': `${B}.cos.ap-guangzhou.myqcloud.com/shared/s.txt` }), true],
    ['copy from an unreadable source', input('PUT', '/alice/c.txt', {}, { 'x-cos-copy-source': `${B}.cos.ap-guangzhou.myqcloud.com/bob/s.txt` }), `read on ${B}/bob/s.txt (the source of a copy)`],
    ['batch delete on a prefix grant', input('POST', '/', { delete: '' }), expect.stringContaining(`delete on ${B}/ (the keys of a batch delete are in the request body`)],
    ['batch delete with a whole-bucket grant', { ...input('POST', '/', { delete: '' }, {}, 'docs-1250000000'), Headers: { Host: '127.0.0.1:9000' } }, true],
    ['bucket setting with a whole-bucket grant', { ...input('PUT', '/', { cors: '' }, {}, 'docs-1250000000'), Headers: { Host: '127.0.0.1:9000' } }, true],
    ['bucket setting with a prefix grant only', input('PUT', '/', { cors: '' }), `settings on ${B}/ (a bucket setting applies to the whole bucket)`],
    ['reading a bucket setting with a prefix grant only', input('GET', '/', { cors: '' }), `settings or list on ${B}/ (a bucket setting applies to the whole bucket)`],
    ['create a bucket', input('PUT', '/'), 'administrator rights (only administrators create buckets)'],
    ['a bucket with no grant', { ...input('GET', '/a', {}, {}, 'other-1250000000'), Headers: { Host: '127.0.0.1:9000' } }, 'read on other-1250000000/a'],
  ] as const)('%s', (_name, i, expected) => {
    const r = check(i);
    if (expected === true) expect(r).toEqual({ allowed: true });
    else expect(r).toEqual({ allowed: false, missing: expected });
  });

  it('shares need share, not read', () => {
    expect(check(input('GET', '/shared/s.txt'), true)).toEqual({ allowed: true });
    expect(check(input('GET', '/alice/a.txt'), true)).toEqual({ allowed: false, missing: `share on ${B}/alice/a.txt` });
  });

  it('admins may do anything; an account without grants nothing', () => {
    expect(checkScope({ kind: 'admin' }, scope(input('DELETE', '/')))).toEqual({ allowed: true });
    expect(checkScope({ kind: 'grants', grants: [] }, scope(input('HEAD', '/')))).toEqual({ allowed: false, missing: `list on some prefix of ${B}` });
  });
});
