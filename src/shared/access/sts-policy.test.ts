import { describe, expect, it } from 'vitest';
import { OPERATION_TABLE, type Level } from '../cos/operations';
import { evaluate } from '../policy/evaluate';
import type { Policy, ResourceRef } from '../policy/model';
import { parsePolicy } from '../policy/parse';
import { ctx, SUB_A } from '../policy/test-helpers';
import type { Grant, Scope } from './grants';
import { checkScope, deriveRequestScope } from './request-scope';
import { boundPolicy, grantsPolicy, sharePolicy, STS_ACTIONS, taskPolicy, type PolicyResult, type StsTask } from './sts-policy';

const APPID = '1250000000';
const B = `photos-${APPID}`;
const D = `docs-${APPID}`;
const R = 'ap-guangzhou';
const P = (bucket: string) => `qcs::cos:${R}:uid/${APPID}:${bucket}/`;

/** Round-trips the JSON through the parser cos-local uses for session policies, then evaluates. */
function policyOf(r: PolicyResult): Policy {
  if (!r.ok) throw new Error(r.message);
  const parsed = parsePolicy(JSON.stringify(r.json), { kind: 'session' });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.policy;
}

interface Req { headers?: Record<string, string>; query?: Record<string, string> }
const obj = (key: string, bucket = B): ResourceRef => ({ region: R, appId: APPID, bucket, key });
const bkt = (bucket = B): ResourceRef => ({ region: R, appId: APPID, bucket });
const allows = (p: Policy, action: string, resource: ResourceRef, req: Req = {}): boolean =>
  evaluate({ policies: [{ source: 'session', policy: p }], principal: SUB_A, action, resource, context: ctx(action, { headers: req.headers ?? {}, query: req.query ?? {} }) }).effect === 'allow';

const task = (t: Partial<StsTask>): StsTask => ({ bucket: B, region: R, prefix: 'alice/', actions: ['name/cos:PutObject'], ...t });
const grants: Grant[] = [
  { bucket: B, prefix: 'alice/', permissions: ['list', 'read', 'write'] },
  { bucket: B, prefix: 'shared/', permissions: ['read', 'share'] },
  { bucket: D, prefix: '', permissions: ['list', 'read', 'write', 'delete', 'settings'] },
];
const user: Scope = { kind: 'grants', grants };

describe('taskPolicy (POST /api/sts)', () => {
  it('writes one statement per action/resource pair, upload limits as conditions [tencentcloud 436/35265, 436/73579]', () => {
    const r = taskPolicy(task({ actions: ['name/cos:PutObject', 'name/cos:GetBucket'], maxSize: 1024, contentTypes: ['image/*'] }));
    expect(r.ok && r.json).toEqual({
      version: '2.0',
      statement: [
        {
          effect: 'allow', action: ['name/cos:PutObject'], resource: [`${P(B)}alice/*`],
          condition: { numeric_less_than_equal: { 'cos:content-length': ['1024'] }, string_like: { 'cos:content-type': ['image/*'] } },
        },
        { effect: 'allow', action: ['name/cos:GetBucket'], resource: [P(B)], condition: { string_like: { 'cos:prefix': ['alice%2F*'] } } },
      ],
    });
  });

  it('the key allows exactly the task', () => {
    const p = policyOf(taskPolicy(task({ actions: ['name/cos:PutObject', 'name/cos:GetBucket', 'name/cos:GetObject'], maxSize: 1000, contentTypes: ['image/png', 'text/*'] })));
    const put = (key: string, type: string, length: string) => allows(p, 'name/cos:PutObject', obj(key), { headers: { 'content-type': type, 'content-length': length } });
    expect(put('alice/a.png', 'image/png', '1000')).toBe(true);
    expect(put('alice/sub/a.txt', 'text/plain', '1')).toBe(true);
    expect(put('alice/a.png', 'image/png', '1001')).toBe(false);
    expect(put('alice/a.gif', 'image/gif', '10')).toBe(false);
    expect(put('bob/a.png', 'image/png', '10')).toBe(false);
    expect(put('alice', 'image/png', '10')).toBe(false);
    const list = (prefix?: string) => allows(p, 'name/cos:GetBucket', bkt(), { query: prefix === undefined ? {} : { prefix } });
    expect([list('alice/'), list('alice/x/'), list('alice'), list('bob/'), list('')]).toEqual([true, true, false, false, false]);
    expect(list()).toBe(false);
    expect(allows(p, 'name/cos:GetObject', obj('alice/a.png'))).toBe(true);
    expect(allows(p, 'name/cos:GetObject', obj('alice/a.png', D))).toBe(false);
    expect(allows(p, 'name/cos:DeleteObject', obj('alice/a.png'))).toBe(false);
  });

  it('lets an upload-only account not set public ACLs through headers', () => {
    const p = policyOf(taskPolicy(task({ actions: ['name/cos:PutObject'] }), user));
    const put = (headers: Record<string, string>) => allows(p, 'name/cos:PutObject', obj('alice/a'), { headers });
    expect([put({}), put({ 'x-cos-acl': 'private' }), put({ 'x-cos-acl': 'public-read' }), put({ 'x-cos-grant-read': 'id="1"' })]).toEqual([true, true, false, false]);
    // With settings on the prefix (the docs grant covers the whole bucket) the guard is not added.
    const withSettings = policyOf(taskPolicy(task({ bucket: D, actions: ['name/cos:PutObject'] }), user));
    expect(allows(withSettings, 'name/cos:PutObject', obj('alice/a', D), { headers: { 'x-cos-acl': 'public-read' } })).toBe(true);
  });

  it.each([
    ['a prefix wider than the grant', task({ prefix: '' }), user, 403, `The task needs write on ${B}/.`],
    ['another bucket', task({ bucket: `other-${APPID}` }), user, 403, `The task needs write on other-${APPID}/alice/.`],
    ['an action the grant lacks', task({ actions: ['name/cos:DeleteObject'] }), user, 403, `The task needs delete on ${B}/alice/.`],
    ['a listing COS cannot narrow, on a prefix grant', task({ actions: ['name/cos:ListMultipartUploads'] }), user, 403,
      `The task needs list or write on ${B}/ (COS cannot narrow this listing to a prefix; /api/sign can).`],
    ['a bucket setting on a prefix grant', task({ actions: ['name/cos:PutBucketCORS'] }), user, 403, `The task needs settings on ${B}/ (a bucket setting applies to the whole bucket).`],
    ['name/cos:*', task({ actions: ['name/cos:*'] }), undefined, 400, '"name/cos:*": temporary keys name exact actions, never a wildcard'],
    ['an unknown action', task({ actions: ['name/cos:Teleport'] }), undefined, 400, expect.stringContaining('"name/cos:Teleport" is not an action temporary keys can carry')],
    ['an administrator action', task({ actions: ['name/cos:PutBucket'] }), undefined, 400, expect.stringContaining('"name/cos:PutBucket" is not an action')],
    ['a * in the prefix', task({ prefix: 'a*' }), undefined, 400, 'prefix is a key prefix: no leading / and no *'],
    ['no actions', task({ actions: [] }), undefined, 400, 'actions must name at least one action'],
    ['a limit with a multipart upload', task({ actions: ['name/cos:PutObject', 'name/cos:UploadPart'], maxSize: 5 }), undefined, 400,
      'name/cos:UploadPart cannot carry a size or type limit (only PutObject and PostObject can); ask for those alone'],
    ['a bad content type', task({ contentTypes: ['png'] }), undefined, 400, 'contentTypes must be media types like image/png or image/*, not "png"'],
    ['a short bucket name', task({ bucket: 'photos' }), undefined, 400, '"photos" is not a bucket name (name-appid)'],
  ] as const)('refuses %s', (_name, t, access, status, message) => {
    expect(taskPolicy(t, access)).toEqual({ ok: false, status, code: status === 403 ? 'Forbidden' : 'InvalidTask', message });
  });

  it('allows whole-bucket listings and settings to a whole-bucket grant, and HEAD Bucket to any grant', () => {
    expect(taskPolicy(task({ bucket: D, prefix: '', actions: ['name/cos:ListMultipartUploads', 'name/cos:PutBucketCORS', 'name/cos:DeleteObject'] }), user).ok).toBe(true);
    expect(taskPolicy(task({ actions: ['name/cos:HeadBucket'] }), user).ok).toBe(true);
  });

  it('never issues name/cos:* or a resource beyond one bucket, whatever it is asked', () => {
    for (const action of STS_ACTIONS.keys()) {
      const r = taskPolicy(task({ bucket: D, prefix: '', actions: [action] }), user);
      if (!r.ok) continue;
      for (const s of r.json.statement) {
        expect(s.action).toEqual([action]);
        expect(s.resource).toHaveLength(1);
        expect(s.resource[0]?.startsWith(P(D))).toBe(true);
      }
    }
  });
});

describe('grantsPolicy (the server-side signing key of a restricted account)', () => {
  const p = policyOf(grantsPolicy(grants, R));

  it.each([
    ['list inside', 'name/cos:GetBucket', bkt(), { query: { prefix: 'alice/' } }, true],
    ['list elsewhere', 'name/cos:GetBucket', bkt(), { query: { prefix: 'bob/' } }, false],
    ['read inside', 'name/cos:GetObject', obj('alice/a'), {}, true],
    ['read a shared key', 'name/cos:GetObject', obj('shared/a'), {}, true],
    ['read elsewhere', 'name/cos:GetObject', obj('bob/a'), {}, false],
    ['write inside', 'name/cos:PutObject', obj('alice/a'), {}, true],
    ['write inside with a public ACL (no settings)', 'name/cos:PutObject', obj('alice/a'), { headers: { 'x-cos-acl': 'public-read' } }, false],
    ['write where only read is granted', 'name/cos:PutObject', obj('shared/a'), {}, false],
    ['delete without delete', 'name/cos:DeleteObject', obj('alice/a'), {}, false],
    ['multipart listing (narrowed by the signing check)', 'name/cos:ListMultipartUploads', bkt(), {}, true],
    ['a setting of a prefix-granted bucket', 'name/cos:PutBucketCORS', bkt(), {}, false],
    ['a setting of the whole-bucket grant', 'name/cos:PutBucketCORS', bkt(D), {}, true],
    ['delete in the whole-bucket grant', 'name/cos:DeleteObject', obj('any/key', D), {}, true],
    ['a public upload in the whole-bucket grant (it has settings)', 'name/cos:PutObject', obj('k', D), { headers: { 'x-cos-acl': 'public-read' } }, true],
    ['create a bucket', 'name/cos:PutBucket', bkt(`new-${APPID}`), {}, false],
    ['another region', 'name/cos:GetObject', { ...obj('alice/a'), region: 'ap-beijing' }, {}, false],
  ] as const)('%s', (_name, action, resource, req, expected) => {
    expect(allows(p, action, resource, req)).toBe(expected);
  });

  it('covers every request the signing check allows (generated over the operation table)', () => {
    const all: Grant[] = [
      { bucket: B, prefix: 'p/', permissions: ['list', 'read', 'write', 'delete', 'settings', 'share'] },
      { bucket: D, prefix: '', permissions: ['list', 'read', 'write', 'delete', 'settings', 'share'] },
    ];
    const key = policyOf(grantsPolicy(all, R));
    let checked = 0;
    for (const level of ['bucket', 'object'] as Level[]) {
      for (const [sub, methods] of Object.entries(OPERATION_TABLE[level])) {
        for (const method of Object.keys(methods)) {
          for (const bucket of [B, D]) {
            const query: Record<string, string> = { ...(sub ? { [sub]: '' } : {}), ...(sub === 'uploadId' ? { uploadId: 'u' } : {}), prefix: 'p/' };
            const d = deriveRequestScope({ Method: method, Pathname: level === 'object' ? '/p/x' : '/', Query: query, Headers: { Host: '127.0.0.1:9000' }, Bucket: bucket, Region: R });
            if (!d.ok || !checkScope({ kind: 'grants', grants: all }, d.scope).allowed) continue;
            const s = d.scope;
            const resource = s.resource.kind === 'object' ? obj(s.resource.key, bucket) : bkt(bucket);
            // DELETE Multiple Objects is authorized by COS as DeleteObject on each key (tencentcloud 436/30580).
            const action = s.operation === 'DeleteMultipleObjects' ? 'name/cos:DeleteObject' : s.action;
            const target = s.operation === 'DeleteMultipleObjects' ? obj('p/x', bucket) : s.operation === 'PostObject' ? obj('p/x', bucket) : resource;
            expect({ op: s.operation, bucket, allowed: allows(key, action, target, { query }) }).toEqual({ op: s.operation, bucket, allowed: true });
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(60);
  });

  it('lets uploads set ACLs exactly where a narrower settings grant overlaps a write grant', () => {
    const key = policyOf(grantsPolicy([
      { bucket: B, prefix: 'alice/', permissions: ['write'] },
      { bucket: B, prefix: 'alice/pub/', permissions: ['settings'] },
    ], R));
    const put = (k: string) => allows(key, 'name/cos:PutObject', obj(k), { headers: { 'x-cos-acl': 'public-read' } });
    expect([put('alice/pub/a'), put('alice/a'), put('bob/pub/a')]).toEqual([true, false, false]);
  });

  it('is empty-handed for an account without grants', () => {
    expect(grantsPolicy([], R)).toMatchObject({ ok: true, json: { statement: [] } });
  });
});

describe('sharePolicy', () => {
  it('reads one object and nothing else', () => {
    const p = policyOf(sharePolicy(B, R, 'shared/report.pdf'));
    expect(allows(p, 'name/cos:GetObject', obj('shared/report.pdf'))).toBe(true);
    expect(allows(p, 'name/cos:HeadObject', obj('shared/report.pdf'))).toBe(true);
    expect(allows(p, 'name/cos:GetObject', obj('shared/report.pdf.bak'))).toBe(false);
    expect(allows(p, 'name/cos:PutObject', obj('shared/report.pdf'))).toBe(false);
  });
});

describe('boundPolicy', () => {
  it('allows one object action in one bucket', () => {
    const p = policyOf(boundPolicy(B, R, 'name/cos:DeleteObject'));
    expect(allows(p, 'name/cos:DeleteObject', obj('any/key.txt'))).toBe(true);
    expect(allows(p, 'name/cos:DeleteObject', obj('any/key.txt', D))).toBe(false);
    expect(allows(p, 'name/cos:GetObject', obj('any/key.txt'))).toBe(false);
  });

  it('allows one bucket action on that bucket only', () => {
    const p = policyOf(boundPolicy(B, R, 'name/cos:GetBucket'));
    expect(allows(p, 'name/cos:GetBucket', bkt())).toBe(true);
    expect(allows(p, 'name/cos:GetBucket', bkt(D))).toBe(false);
    expect(allows(p, 'name/cos:GetBucket', { region: 'ap-shanghai', appId: APPID, bucket: B })).toBe(false);
  });

  it('adds a read of exactly the source of a copy', () => {
    const p = policyOf(boundPolicy(B, R, 'name/cos:PutObject', { bucket: D, key: 'src/a.txt' }));
    expect(allows(p, 'name/cos:PutObject', obj('x'))).toBe(true);
    expect(allows(p, 'name/cos:GetObject', obj('src/a.txt', D))).toBe(true);
    expect(allows(p, 'name/cos:GetObject', obj('src/a.txt.bak', D))).toBe(false);
  });

  it.each([
    ['service action', () => boundPolicy(B, R, 'name/cos:GetService'), /not a bucket or object action/],
    ['unknown action', () => boundPolicy(B, R, 'name/cos:Nope'), /not a bucket or object action/],
    ['bad bucket', () => boundPolicy('photos', R, 'name/cos:GetObject'), /not a bucket name/],
    ['starred copy source', () => boundPolicy(B, R, 'name/cos:PutObject', { bucket: D, key: 'a*' }), /containing \*/],
  ])('refuses a %s', (_name, build, reason) => {
    const r = build();
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.message).toMatch(reason);
  });
});
