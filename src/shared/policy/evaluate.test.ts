import { describe, expect, it } from 'vitest';
import type { ConditionContext, Decision, Policy, PolicySource, ResourceRef } from './model';
import { evaluate, traceStatements, type SourcedPolicy } from './evaluate';
import { parsePolicy } from './parse';
import { ANYONE } from './principal';
import { ALL_OBJECTS, APPID, BUCKET, ROOT_A, SUB_A, ctx, must, object, policy, theBucket } from './test-helpers';

const GET = 'name/cos:GetObject';
const PUT = 'name/cos:PutObject';
type Cond = Record<string, Record<string, unknown>>;

function run(policies: readonly SourcedPolicy[], action: string, resource: ResourceRef, context: ConditionContext = {}, principal = SUB_A): Decision['effect'] {
  return evaluate({ policies, principal, action, resource, context }).effect;
}
const bucket = (p: Policy): SourcedPolicy[] => [{ source: 'bucket', policy: p }];

// Every condition key, each as tencentcloud 436/46206 writes it: an allow with the condition and an
// explicit deny with the negated `_if_exist` operator, so a request without the key is denied.
interface KeyRow { key: string; action: string; allow: Cond; deny: Cond; good: ConditionContext; bad: ConditionContext; missing: ConditionContext; kind?: PolicySource; res?: ResourceRef }
const grant = (h: string): KeyRow => ({
  key: `cos:x-cos-grant-${h}`, action: PUT,
  allow: { string_equal: { [`cos:x-cos-grant-${h}`]: 'id="100000000001"' } }, deny: { string_not_equal_if_exist: { [`cos:x-cos-grant-${h}`]: 'id="100000000001"' } },
  good: ctx(PUT, { headers: { [`x-cos-grant-${h}`]: 'id="100000000001"' } }), bad: ctx(PUT, { headers: { [`x-cos-grant-${h}`]: 'id="100000000003"' } }), missing: ctx(PUT),
});
const KEYS: KeyRow[] = [
  { key: 'qcs:ip', action: GET, allow: { ip_equal: { 'qcs:ip': ['192.168.1.0/24', '101.226.100.185'] } }, deny: { ip_not_equal_if_exist: { 'qcs:ip': ['192.168.1.0/24', '101.226.100.185'] } },
    good: ctx(GET, { clientIp: '192.168.1.9' }), bad: ctx(GET, { clientIp: '10.0.0.1' }), missing: ctx(GET) },
  { key: 'cos:versionid', action: GET, allow: { string_equal: { 'cos:versionid': 'MTg0NDUxNTc1NjIzMTQ1MDAwODg' } }, deny: { string_not_equal_if_exist: { 'cos:versionid': 'MTg0NDUxNTc1NjIzMTQ1MDAwODg' } },
    good: ctx(GET, { query: { versionId: 'MTg0NDUxNTc1NjIzMTQ1MDAwODg' } }), bad: ctx(GET, { query: { versionId: 'Tg0NDUxNTc1NjIzMTQ1MDAwODg' } }), missing: ctx(GET) },
  { key: 'cos:content-length', action: PUT, allow: { numeric_less_than_equal: { 'cos:content-length': 10 } }, deny: { numeric_greater_than_if_exist: { 'cos:content-length': 10 } },
    good: ctx(PUT, { headers: { 'content-length': '10' } }), bad: ctx(PUT, { headers: { 'content-length': '11' } }), missing: ctx(PUT) },
  { key: 'cos:content-type', action: PUT, allow: { string_equal_ignore_case: { 'cos:content-type': 'image/jpeg' } }, deny: { string_not_equal_ignore_case_if_exist: { 'cos:content-type': 'image/jpeg' } },
    good: ctx(PUT, { headers: { 'content-type': 'image/JPEG' } }), bad: ctx(PUT, { headers: { 'content-type': 'text/HTML' } }), missing: ctx(PUT) },
  { key: 'cos:response-content-type', action: GET, allow: { string_equal: { 'cos:response-content-type': 'image%2Fjpeg' } }, deny: { string_not_equal_if_exist: { 'cos:response-content-type': 'image%2Fjpeg' } },
    good: ctx(GET, { query: { 'response-content-type': 'image/jpeg' } }), bad: ctx(GET, { query: { 'response-content-type': 'text/html' } }), missing: ctx(GET) },
  { key: 'cos:secure-transport', action: GET, allow: { bool_equal: { 'cos:secure-transport': 'true' } }, deny: { bool_equal_if_exist: { 'cos:secure-transport': 'false' } },
    good: ctx(GET, { secure: true }), bad: ctx(GET, { secure: false }), missing: {} },
  { key: 'cos:x-cos-storage-class', action: PUT, allow: { string_equal: { 'cos:x-cos-storage-class': 'STANDARD' } }, deny: { string_not_equal_if_exist: { 'cos:x-cos-storage-class': 'STANDARD' } },
    good: ctx(PUT, { headers: { 'x-cos-storage-class': 'STANDARD' } }), bad: ctx(PUT, { headers: { 'x-cos-storage-class': 'ARCHIVE' } }), missing: ctx(PUT) },
  { key: 'cos:x-cos-acl', action: PUT, allow: { string_equal: { 'cos:x-cos-acl': 'private' } }, deny: { string_not_equal_if_exist: { 'cos:x-cos-acl': 'private' } },
    good: ctx(PUT, { headers: { 'x-cos-acl': 'private' } }), bad: ctx(PUT, { headers: { 'x-cos-acl': 'public-read' } }), missing: ctx(PUT) },
  { key: 'cos:prefix', action: 'name/cos:GetBucket', res: theBucket(), allow: { string_equal: { 'cos:prefix': 'folder1%2F' } }, deny: { string_not_equal_if_exist: { 'cos:prefix': 'folder1%2F' } },
    good: ctx('name/cos:GetBucket', { query: { prefix: 'folder1/' } }), bad: ctx('name/cos:GetBucket', { query: { prefix: 'folder2/' } }), missing: ctx('name/cos:GetBucket') },
  { key: 'cos:x-cos-forbid-overwrite', action: PUT, allow: { string_equal: { 'cos:x-cos-forbid-overwrite': 'true' } }, deny: { string_not_equal_if_exist: { 'cos:x-cos-forbid-overwrite': 'true' } },
    good: ctx(PUT, { headers: { 'x-cos-forbid-overwrite': 'true' } }), bad: ctx(PUT, { headers: { 'x-cos-forbid-overwrite': 'false' } }), missing: ctx(PUT) },
  { key: 'qcs:request_tag', action: 'name/cos:PutBucket', res: theBucket(), allow: { 'for_all_value:string_equal': { 'qcs:request_tag': ['a&b', 'c&d'] } }, deny: { 'for_any_value:string_not_equal_if_exist': { 'qcs:request_tag': ['a&b', 'c&d'] } },
    good: ctx('name/cos:PutBucket', { headers: { 'x-cos-tagging': 'a=b&c=d' } }), bad: ctx('name/cos:PutBucket', { headers: { 'x-cos-tagging': 'a=b&c=d&e=f' } }), missing: ctx('name/cos:PutBucket') },
  { key: 'qcs:resource_tag', action: 'name/cos:GetService', kind: 'identity', res: { service: true }, allow: { 'for_any_value:string_equal': { 'qcs:resource_tag': ['key&value'] } }, deny: { 'for_all_value:string_not_equal_if_exist': { 'qcs:resource_tag': ['key&value'] } },
    good: ctx('name/cos:GetService', { resourceTags: [{ key: 'key', value: 'value' }, { key: 'team', value: 'x' }] }), bad: ctx('name/cos:GetService', { resourceTags: [{ key: 'team', value: 'x' }] }), missing: ctx('name/cos:GetService') },
  { key: 'cos:tls-version', action: '*', allow: { numeric_greater_than_equal: { 'cos:tls-version': 1.2 } }, deny: { numeric_less_than_if_exist: { 'cos:tls-version': 1.2 } },
    good: ctx(GET, { secure: true, tlsVersion: 'TLSv1.2' }), bad: ctx(GET, { secure: true, tlsVersion: 'TLSv1' }), missing: ctx(GET) },
  { key: 'cos:host', action: GET, allow: { string_equal: { 'cos:host': 'mydomain1.com' } }, deny: { string_not_equal_if_exist: { 'cos:host': 'mydomain1.com' } },
    good: ctx(GET, { headers: { host: 'mydomain1.com' } }), bad: ctx(GET, { headers: { host: `${BUCKET}.cos.ap-guangzhou.myqcloud.com` } }), missing: ctx(GET) },
  ...['full-control', 'read', 'write', 'read-acp', 'write-acp'].map(grant),
];

describe('every condition key: allow, deny, and the _if_exist deny of a missing key', () => {
  const cases = KEYS.flatMap((r) => ([['allow', r.good, 'allow'], ['deny', r.bad, 'deny'], ['_if_exist (key missing)', r.missing, 'deny']] as const).map(([label, c, want]) => [r.key, label, r, c, want] as const));
  it.each(cases)('%s: %s', (_key, _label, r, context, want) => {
    const kind = r.kind ?? 'bucket';
    const resource = r.res ?? object('photo.jpg');
    const p = policy(kind, { effect: 'allow', action: r.action, condition: r.allow, resource: r.res && 'service' in r.res ? '*' : ALL_OBJECTS }, { effect: 'deny', action: r.action, condition: r.deny, resource: r.res && 'service' in r.res ? '*' : ALL_OBJECTS });
    const action = r.action === '*' ? GET : r.action;
    expect(run([{ source: kind, policy: p }], action, resource, context)).toBe(want);
  });
});

describe('evaluation rules (tencentcloud 436/35240; docs/cos-behaviour.md "Evaluation order")', () => {
  it('deny beats allow [tencentcloud 436/35240]', () => {
    const p = policy('bucket', { effect: 'allow', action: '*' }, { effect: 'deny', action: 'name/cos:DeleteObject' });
    expect(run(bucket(p), 'name/cos:DeleteObject', object('x'))).toBe('deny');
    expect(run(bucket(p), GET, object('x'))).toBe('allow');
  });

  it('allows add up: an unconditional grant elsewhere overrides a conditional one [tencentcloud 436/46206]', () => {
    const conditional = policy('bucket', { effect: 'allow', action: GET, condition: { string_equal: { 'cos:versionid': 'v1' } } });
    const group = policy('identity', { effect: 'allow', action: GET });
    const sources: SourcedPolicy[] = [{ source: 'bucket', policy: conditional }, { source: 'identity', policy: group }];
    expect(run(bucket(conditional), GET, object('a'), ctx(GET))).toBe('implicit-deny');
    expect(run(sources, GET, object('a'), ctx(GET))).toBe('allow');
    const withDeny = policy('bucket', { effect: 'deny', action: GET, condition: { string_not_equal_if_exist: { 'cos:versionid': 'v1' } } });
    expect(run([...sources, { source: 'bucket', policy: withDeny }], GET, object('a'), ctx(GET))).toBe('deny');
  });

  it('nothing matching is an implicit deny, and the decision names the statement', () => {
    const p = policy('bucket', { effect: 'allow', action: GET, resource: `qcs::cos:ap-guangzhou:uid/${APPID}:${BUCKET}/photos/*` });
    expect(run(bucket(p), GET, object('docs/a'))).toBe('implicit-deny');
    expect(evaluate({ policies: bucket(p), principal: SUB_A, action: GET, resource: object('photos/a'), context: {} })).toEqual({ effect: 'allow', by: { source: 'bucket', policyIndex: 0, statementIndex: 0 } });
  });

  it('anonymous access comes only from qcs::cam::anyone:anyone [tencentcloud 436/30613, 436/18023]', () => {
    const pub = policy('bucket', { effect: 'allow', action: GET, principal: ANYONE });
    const named = policy('bucket', { effect: 'allow', action: GET });
    expect(run(bucket(pub), GET, object('a'), {}, ANYONE)).toBe('allow');
    expect(run(bucket(pub), GET, object('a'), {}, SUB_A)).toBe('allow');
    expect(run(bucket(named), GET, object('a'), {}, ANYONE)).toBe('implicit-deny');
  });

  it('a root principal does not cover its sub-users (undocumented, so fail closed)', () => {
    const p = policy('bucket', { effect: 'allow', action: GET, principal: ROOT_A });
    expect(run(bucket(p), GET, object('a'), {}, ROOT_A)).toBe('allow');
    expect(run(bucket(p), GET, object('a'), {}, SUB_A)).toBe('implicit-deny');
  });

  it('cross-account: A grants root B, B\'s custom CAM policy delegates to B0 (evaluation step 4) [tencentcloud 436/32971]', () => {
    const rootB = 'qcs::cam::uin/100000000002:uin/100000000002';
    const b0 = 'qcs::cam::uin/100000000002:uin/100000000020';
    const ofA = must({ version: '2.0', statement: [{ principal: { qcs: [rootB] }, effect: 'allow', action: ['name/cos:*'], resource: [`qcs::cos:ap-guangzhou:uid/${APPID}:examplebucket1-${APPID}/*`] }] });
    const ofB = must({ version: '2.0', statement: [{ action: 'cos:*', effect: 'allow', resource: [`qcs::cos::uid/${APPID}:examplebucket1-${APPID}/*`, `qcs::cos::uid/${APPID}:examplebucket2-${APPID}/*`] }] }, 'identity');
    const input = { principal: b0, action: GET, resource: object('a', `examplebucket1-${APPID}`), context: {} };
    expect(evaluate({ ...input, policies: [{ source: 'identity', policy: ofB }] }).effect).toBe('allow');
    expect(evaluate({ ...input, policies: bucket(ofA) }).effect).toBe('implicit-deny');
    expect(evaluate({ ...input, policies: bucket(ofA), viaAccountRoot: true }).effect).toBe('allow');
    expect(evaluate({ ...input, resource: object('a', `examplebucket2-${APPID}`), policies: bucket(ofA), viaAccountRoot: true }).effect).toBe('implicit-deny');
  });

  it('traces why each statement did not apply (the console simulator)', () => {
    const p = policy('bucket', { effect: 'allow', action: PUT }, { effect: 'allow', action: GET, principal: ROOT_A }, { effect: 'allow', action: GET, condition: { bool_equal: { 'cos:secure-transport': 'true' } } }, { effect: 'allow', action: GET, resource: `qcs::cos:ap-guangzhou:uid/${APPID}:${BUCKET}/x/*` });
    const trace = traceStatements({ policies: bucket(p), principal: SUB_A, action: GET, resource: object('a'), context: ctx(GET) });
    expect(trace.map((t) => t.result)).toEqual(['action', 'principal', 'condition', 'resource']);
  });
});

describe('documentation traps handled deliberately (docs/cos-behaviour.md "Traps in the policy documentation")', () => {
  const dirs = (prefix: string) => ctx('name/cos:GetBucket', { query: { prefix } });
  const listing = (denyValue: string) => policy('bucket',
    { effect: 'allow', action: 'name/cos:GetBucket', condition: { string_equal: { 'cos:prefix': 'folder1%2F' } } },
    { effect: 'deny', action: 'name/cos:GetBucket', condition: { string_not_equal_if_exist: { 'cos:prefix': denyValue } } });

  it('1: a principal written qcs::cam:uin/ (one colon) still names the sub-user [tencentcloud 436/46206]', () => {
    const p = must({ version: '2.0', statement: [{ principal: { qcs: ['qcs::cam:uin/100000000001:uin/100000000002'] }, effect: 'allow', action: [GET], resource: [ALL_OBJECTS] }] });
    expect(run(bucket(p), GET, object('a'))).toBe('allow');
  });

  it('2: name/cos>DeleteObject is rejected with the repair; the repaired policy works [tencentcloud 436/30580]', () => {
    const damaged = { version: '2.0', statement: [{ principal: { qcs: [SUB_A] }, effect: 'allow', action: ['name/cos>DeleteObject'], resource: [ALL_OBJECTS] }] };
    const r = parsePolicy(damaged);
    const fix = r.ok ? undefined : r.errors[0]?.suggestion;
    expect(fix).toBe('name/cos:DeleteObject');
    const repaired = must({ ...damaged, statement: [{ ...damaged.statement[0], action: [fix] }] });
    expect(run(bucket(repaired), 'name/cos:DeleteObject', object('a'))).toBe('allow');
  });

  it('6: the literal cos:prefix example (deny value "Folder1%2F") denies every listing; the corrected one works [tencentcloud 436/46206]', () => {
    expect(run(bucket(listing('Folder1%2F')), 'name/cos:GetBucket', theBucket(), dirs('folder1/'))).toBe('deny');
    expect(run(bucket(listing('folder1%2F')), 'name/cos:GetBucket', theBucket(), dirs('folder1/'))).toBe('allow');
    expect(run(bucket(listing('folder1%2F')), 'name/cos:GetBucket', theBucket(), dirs('folder2/'))).toBe('deny');
  });

  it('7: prefix and response-content-type compare URL-encoded, content-type raw [tencentcloud 436/46206]', () => {
    const p = policy('bucket', { effect: 'allow', action: [GET, PUT], condition: { string_equal: { 'cos:response-content-type': 'image%2Fjpeg' } } }, { effect: 'allow', action: PUT, condition: { string_equal: { 'cos:content-type': 'image/jpeg' } } });
    expect(run(bucket(p), GET, object('a'), ctx(GET, { query: { 'response-content-type': 'image/jpeg' } }))).toBe('allow');
    expect(run(bucket(p), PUT, object('a'), ctx(PUT, { headers: { 'content-type': 'image/jpeg' } }))).toBe('allow');
    expect(run(bucket(listing('folder1%2F')), 'name/cos:GetBucket', theBucket(), dirs('folder1/'))).toBe('allow');
  });

  it('8: string_equal_if_exists is refused; the corrected "latest version only" policy works [tencentcloud 436/46206]', () => {
    expect(parsePolicy({ version: '2.0', statement: [{ principal: { qcs: [SUB_A] }, effect: 'allow', action: GET, resource: ALL_OBJECTS, condition: { string_equal_if_exists: { 'cos:versionid': '' } } }] })).toMatchObject({ ok: false, errors: [{ suggestion: 'string_equal_if_exist' }] });
    const latest = policy('bucket', { effect: 'allow', action: GET, condition: { string_equal_if_exist: { 'cos:versionid': '' } } }, { effect: 'deny', action: GET, condition: { string_not_equal: { 'cos:versionid': '' } } });
    expect(run(bucket(latest), GET, object('a'), ctx(GET))).toBe('allow');
    expect(run(bucket(latest), GET, object('a'), ctx(GET, { query: { versionid: '' } }))).toBe('allow');
    expect(run(bucket(latest), GET, object('a'), ctx(GET, { query: { versionid: 'MTg0' } }))).toBe('deny');
  });

  describe('the "latest version only" policy, request by request [tencentcloud 436/46206]', () => {
    const latestOnly = policy('bucket',
      { effect: 'allow', action: GET, condition: { string_equal_if_exist: { 'cos:versionid': '' } } },
      { effect: 'deny', action: GET, condition: { string_not_equal: { 'cos:versionid': '' } } });
    it.each([
      ['GET /o', {}, 'allow'],
      ['GET /o?versionId=', { versionId: '' }, 'allow'],
      ['GET /o?versionId=<id>', { versionId: 'MTg0NDUxNTc1NjIzMTQ1MDAwODg' }, 'deny'],
    ] as const)('%s → %s', (_request, query, effect) => {
      expect(run(bucket(latestOnly), GET, object('o'), ctx(GET, { query }))).toBe(effect);
    });
  });

  describe('the same pair on DeleteObject, which also carries cos:versionid [tencentcloud 436/46206]', () => {
    const DEL = 'name/cos:DeleteObject';
    const latestOnly = policy('bucket',
      { effect: 'allow', action: DEL, condition: { string_equal_if_exist: { 'cos:versionid': '' } } },
      { effect: 'deny', action: DEL, condition: { string_not_equal: { 'cos:versionid': '' } } });
    it.each([
      ['DELETE /o', {}, 'allow'],
      ['DELETE /o?versionId=', { versionId: '' }, 'allow'],
      ['DELETE /o?versionId=<id>', { versionId: 'MTg0NDUxNTc1NjIzMTQ1MDAwODg' }, 'deny'],
    ] as const)('%s → %s', (_request, query, effect) => {
      expect(run(bucket(latestOnly), DEL, object('o'), ctx(DEL, { query }))).toBe(effect);
    });
  });

  it('9: numeric_greater_than is strict although the table says "or equal" [tencentcloud 436/39963]', () => {
    const p = policy('bucket', { effect: 'allow', action: PUT, condition: { numeric_greater_than: { 'cos:content-length': 1 } } });
    expect(run(bucket(p), PUT, object('a'), ctx(PUT, { headers: { 'content-length': '1' } }))).toBe('implicit-deny');
    expect(run(bucket(p), PUT, object('a'), ctx(PUT, { headers: { 'content-length': '2' } }))).toBe('allow');
  });

  it('11: the console\'s PascalCase policy is enforced; a missing Content-Type satisfies ForAllValues (∅ ⊆ B) [436/54370 case 3]', () => {
    const p = must({ Statement: [{ Action: [PUT], Effect: 'Allow', Principal: { qcs: [ANYONE] }, Resource: [ALL_OBJECTS], Condition: { 'ForAllValues:StringEquals': { 'cos:content-type': ['image/png'] } } }], version: '2.0' });
    const put = (type?: string) => run(bucket(p), PUT, object('a.png'), ctx(PUT, type ? { headers: { 'content-type': type } } : {}), ANYONE);
    expect(put('image/png')).toBe('allow');
    expect(put('image/jpeg')).toBe('implicit-deny'); // the guide's demo shows 200 here (docs/cos-behaviour.md trap 12); its text says blocked
    expect(put()).toBe('allow');
  });

  it('16: a resource without * is one exact key, not a prefix (authorization case 5) [tencentcloud 436/12514]', () => {
    const exact = policy('bucket', { effect: 'allow', action: '*', resource: `qcs::cos:ap-guangzhou:uid/${APPID}:${BUCKET}/folder/sub-folder/prefix` });
    expect(run(bucket(exact), GET, object('folder/sub-folder/prefix'))).toBe('allow');
    expect(run(bucket(exact), GET, object('folder/sub-folder/prefix-1.jpg'))).toBe('implicit-deny');
    const glob = policy('bucket', { effect: 'allow', action: '*', resource: `qcs::cos:ap-guangzhou:uid/${APPID}:${BUCKET}/folder/sub-folder/prefix*` });
    expect(run(bucket(glob), GET, object('folder/sub-folder/prefix-1.jpg'))).toBe('allow');
  });
});
