import { describe, expect, it } from 'vitest';
import type { LintCode, PolicySource } from './model';
import { parsePolicy } from './parse';
import { toPolicyJson } from './serialize';

const R = 'qcs::cos:ap-guangzhou:uid/1250000000:examplebucket-1250000000/*';
const SUB = 'qcs::cam::uin/100000000001:uin/100000000011';

function stmt(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { effect: 'allow', principal: { qcs: [SUB] }, action: ['name/cos:GetObject'], resource: [R], ...extra };
}
const doc = (statement: unknown, extra: Record<string, unknown> = {}) => ({ version: '2.0', statement, ...extra });

describe('parsePolicy: errors', () => {
  it.each([
    ['invalid JSON', '{"version": "2.0",', 'invalid-json', ''],
    ['not an object', '[]', 'not-an-object', ''],
    ['missing version', { statement: [stmt()] }, 'bad-version', '/version'],
    ['version as a number', { version: 2.0, statement: [stmt()] }, 'bad-version', '/version'],
    ['version 1.0', doc([stmt()], { version: '1.0' }), 'bad-version', '/version'],
    ['statement missing', { version: '2.0' }, 'bad-statement', '/statement'],
    ['statement a string', doc('allow all'), 'bad-statement', '/statement'],
    ['bad effect', doc([stmt({ effect: 'permit' })]), 'bad-effect', '/statement/0/effect'],
    ['missing action', doc([{ effect: 'allow', principal: { qcs: [SUB] }, resource: [R] }]), 'bad-action', '/statement/0/action'],
    ['damaged action (docs/cos-behaviour.md trap 2)', doc([stmt({ action: ['name/cos:GetObject', 'name/cos>DeleteObject'] })]), 'damaged-action', '/statement/0/action/1'],
    ['action not of the product form', doc([stmt({ action: 'GetObject' })]), 'bad-action', '/statement/0/action'],
    ['action and not_action', doc([stmt({ not_action: ['name/cos:DeleteObject'] })]), 'action-and-not-action', '/statement/0/not_action'],
    ['empty resource list', doc([stmt({ resource: [] })]), 'bad-resource', '/statement/0/resource'],
    ['malformed resource', doc([stmt({ resource: ['examplebucket-1250000000/*'] })]), 'bad-resource', '/statement/0/resource/0'],
    ['bucket policy without principal', doc([{ effect: 'allow', action: '*', resource: R }]), 'missing-principal', '/statement/0/principal'],
    ['principal with another provider', doc([stmt({ principal: { AWS: ['*'] } })]), 'bad-principal', '/statement/0/principal'],
    ['unknown operator', doc([stmt({ condition: { string_contains: { 'cos:host': 'a' } } })]), 'unknown-operator', '/statement/0/condition/string_contains'],
    ['_if_exists with s (docs/cos-behaviour.md trap 8)', doc([stmt({ condition: { string_equal_if_exists: { 'cos:versionid': '' } } })]), 'unknown-operator', '/statement/0/condition/string_equal_if_exists'],
    ['bad CIDR', doc([stmt({ condition: { ip_equal: { 'qcs:ip': ['10.*.*.10/24'] } } })]), 'bad-condition-value', '/statement/0/condition/ip_equal/qcs:ip'],
    ['numeric value not a number', doc([stmt({ condition: { numeric_less_than: { 'cos:content-length': '10MB' } } })]), 'bad-condition-value', '/statement/0/condition/numeric_less_than/cos:content-length'],
    ['empty value list', doc([stmt({ condition: { string_equal: { 'cos:host': [] } } })]), 'bad-condition-value', '/statement/0/condition/string_equal/cos:host'],
    ['NotResource is refused, not ignored', doc([stmt({ NotResource: [R] })]), 'unknown-element', '/statement/0/NotResource'],
    ['both spellings of an element', doc([stmt({ Effect: 'deny' })]), 'duplicate-element', '/statement/0/Effect'],
    ['bucket policy over 20 KB (436/45235)', doc([stmt({ sid: 'x'.repeat(21 * 1024) })]), 'too-large', ''],
  ] as const)('%s', (_name, input, code, path) => {
    const r = parsePolicy(input);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.errors).toContainEqual(expect.objectContaining({ code, path }));
  });

  it('suggests the repairs', () => {
    const damaged = parsePolicy(doc([stmt({ action: 'name/cos>DeleteObject' })]));
    expect(damaged.ok ? undefined : damaged.errors[0]?.suggestion).toBe('name/cos:DeleteObject');
    const ifExists = parsePolicy(doc([stmt({ condition: { string_equal_if_exists: { 'cos:versionid': '' } } })]));
    expect(ifExists.ok ? undefined : ifExists.errors[0]?.suggestion).toBe('string_equal_if_exist');
  });

  it('limits CAM user policies to 4096 characters [tencentcloud 436/12469]', () => {
    const big = doc([{ effect: 'allow', action: ['name/cos:GetObject'], resource: Array.from({ length: 80 }, (_, i) => `${R.slice(0, -1)}dir${i}/*`) }]);
    const asBucketPolicy = parsePolicy(big, { kind: 'bucket' });
    expect(asBucketPolicy.ok ? [] : asBucketPolicy.errors).toContainEqual(expect.objectContaining({ code: 'missing-principal' }));
    expect(parsePolicy(big, { kind: 'identity' })).toMatchObject({ ok: false, errors: [expect.objectContaining({ code: 'too-large' })] });
  });
});

describe('parsePolicy: accepted with warnings', () => {
  it.each([
    ['single-colon principal (docs/cos-behaviour.md trap 1)', doc([stmt({ principal: { qcs: ['qcs::cam:uin/100000000001:uin/100000000011'] } })]), 'bucket', 'principal-single-colon', '/statement/0/principal/qcs/0'],
    ['statement as one object (docs/cos-behaviour.md trap 4)', doc(stmt()), 'bucket', 'single-statement-object', '/statement'],
    ['unknown condition key', doc([stmt({ condition: { string_equal: { 'cos:colour': 'red' } } })]), 'bucket', 'unknown-condition-key', '/statement/0/condition/string_equal/cos:colour'],
    ['condition key in the wrong case', doc([stmt({ condition: { string_equal: { 'Cos:Host': 'a.com' } } })]), 'bucket', 'condition-key-case', '/statement/0/condition/string_equal/Cos:Host'],
    ['docs/cos-behaviour.md trap 10 key spelling', doc([stmt({ action: 'name/cos:PutObject', condition: { numeric_greater_than: { 'cos: x-cos-object-lock-remaining-retention-days': 3 } } })]), 'bucket', 'condition-key-case', '/statement/0/condition/numeric_greater_than/cos: x-cos-object-lock-remaining-retention-days'],
    ['action in the wrong case', doc([stmt({ action: 'name/cos:getObject' })]), 'bucket', 'action-case', '/statement/0/action'],
    ['unknown COS action', doc([stmt({ action: 'name/cos:GetObjectz' })]), 'bucket', 'unknown-action', '/statement/0/action'],
    ['key on an action that never carries it', doc([stmt({ condition: { string_equal: { 'cos:prefix': 'a%2F' } } })]), 'bucket', 'key-not-applicable', '/statement/0/condition'],
    ['key on action "*" [tencentcloud 436/46206]', doc([stmt({ action: '*', condition: { string_equal: { 'cos:x-cos-acl': 'private' } } })]), 'bucket', 'condition-on-wildcard-action', '/statement/0/condition'],
    ['quantifier on a single-valued key', doc([stmt({ action: 'name/cos:PutObject', condition: { 'ForAllValues:StringEquals': { 'cos:content-type': ['image/png'] } } })]), 'bucket', 'quantifier-single-valued-key', '/statement/0/condition/ForAllValues:StringEquals/cos:content-type'],
    ['numeric operator on a string key', doc([stmt({ condition: { numeric_equal: { 'cos:versionid': 1 } } })]), 'bucket', 'operator-type-mismatch', '/statement/0/condition/numeric_equal/cos:versionid'],
    ['bucket name without -appid', doc([stmt({ resource: 'qcs::cos:ap-guangzhou:uid/1250000000:examplebucket/*' })]), 'bucket', 'bucket-appid-mismatch', '/statement/0/resource'],
    ['bucket without trailing slash', doc([stmt({ resource: 'qcs::cos:ap-guangzhou:uid/1250000000:examplebucket-1250000000' })]), 'bucket', 'bucket-without-slash', '/statement/0/resource'],
    ['CVM resource', doc([stmt({ resource: 'qcs::cvm:ap-guangzhou:uin/100000000001:instance/*' })]), 'bucket', 'foreign-resource', '/statement/0/resource'],
    ['PascalCase in a CAM user policy', { version: '2.0', Statement: [{ Effect: 'allow', Action: 'cos:*', Resource: '*' }] }, 'identity', 'pascal-case-keys', ''],
    ['principal in a CAM user policy', doc([stmt()]), 'identity', 'principal-ignored', '/statement/0/principal'],
    ['principal in an STS policy', doc([stmt()]), 'session', 'principal-ignored', '/statement/0/principal'],
    ['unknown top-level element', doc([stmt()], { Id: 'x' }), 'bucket', 'unknown-top-level-element', '/Id'],
    ['empty statement list', doc([]), 'bucket', 'empty-statement', '/statement'],
    ['not_action is unverified', doc([{ effect: 'deny', principal: { qcs: [SUB] }, not_action: ['name/cos:GetObject'], resource: R }]), 'bucket', 'not-action-unverified', '/statement/0/not_action'],
  ] as const)('%s', (_name, input, kind: PolicySource, code: LintCode, path) => {
    const r = parsePolicy(input, { kind });
    expect(r.ok ? r.warnings : r.errors).toContainEqual(expect.objectContaining({ code, path }));
    expect(r.ok).toBe(true);
  });

  it('takes cos:X without name/ silently (official 436/32971 uses it)', () => {
    const r = parsePolicy(doc([{ action: 'cos:*', effect: 'allow', resource: ['qcs::cos::uid/1250000000:examplebucket1-1250000000/*'] }]), { kind: 'identity' });
    expect(r).toEqual({ ok: true, warnings: [], policy: expect.objectContaining({ version: '2.0' }) });
  });
});

describe('parsePolicy: normalisation', () => {
  it('reads the console generator\'s PascalCase policy (docs/cos-behaviour.md trap 11) [436/54370 case 3]', () => {
    const r = parsePolicy(JSON.stringify({
      Statement: [{
        Action: ['name/cos:PutObject'], Effect: 'Allow', Principal: { qcs: ['qcs::cam::anyone:anyone'] },
        Resource: ['qcs::cos:ap-nanjing:uid/1250000000:examplebucket-1250000000/*'],
        Condition: { 'ForAllValues:StringEquals': { 'cos:content-type': ['image/png'] } },
      }],
      version: '2.0',
    }));
    expect(r.ok && r.policy.statements[0]).toEqual({
      effect: 'allow', principals: ['qcs::cam::anyone:anyone'], actions: ['name/cos:PutObject'],
      resources: ['qcs::cos:ap-nanjing:uid/1250000000:examplebucket-1250000000/*'],
      conditions: [{ operator: 'string_equal', key: 'cos:content-type', values: ['image/png'], ifExist: false, ignoreCase: false, quantifier: 'for_all_value' }],
    });
  });

  it('reads qcloud-cos-sts getPolicy output: strings, not arrays, and the legacy resource (qcloud-cos-sts 3.1.3 sdk/sts.js getPolicy)', () => {
    const r = parsePolicy({
      version: '2.0',
      statement: [{ action: 'name/cos:PutObject', effect: 'allow', principal: { qcs: '*' }, resource: 'qcs::cos:ap-guangzhou:uid/1250000000:prefix//1250000000/test/dir/*' }],
    }, { kind: 'session' });
    expect(r.ok && r.policy.statements[0]).toMatchObject({
      principals: ['qcs::cam::anyone:anyone'], actions: ['name/cos:PutObject'],
      resources: ['qcs::cos:ap-guangzhou:uid/1250000000:test-1250000000/dir/*'],
    });
  });

  it('puts a top-level principal on every statement [tencentcloud 436/12469]', () => {
    const r = parsePolicy(doc([stmt({ principal: undefined }), stmt({ principal: undefined })], { principal: { qcs: ['qcs::cam:uin/100000000001:uin/100000000011'] } }));
    expect(r.ok && r.policy.statements.map((s) => s.principals)).toEqual([[SUB], [SUB]]);
  });

  it('stringifies numeric and boolean condition values [tencentcloud 436/46206]', () => {
    const r = parsePolicy(doc([stmt({ action: 'name/cos:PutObject', condition: { numeric_less_than_equal: { 'cos:content-length': 10 }, bool_equal: { 'cos:secure-transport': true } } })]));
    expect(r.ok && r.policy.statements[0]?.conditions.map((c) => c.values)).toEqual([['10'], ['true']]);
  });

  it('does not mutate its input', () => {
    const input = doc(stmt({ principal: { qcs: 'qcs::cam:uin/100000000001:uin/100000000011' } }));
    const before = JSON.stringify(input);
    parsePolicy(input);
    expect(JSON.stringify(input)).toBe(before);
  });

  it('round-trips through toPolicyJson', () => {
    const first = parsePolicy({ Statement: [{ Effect: 'Deny', Principal: { qcs: SUB }, Action: 'name/cos:GetObject', Resource: R, Condition: { StringNotEqualsIfExists: { 'cos:versionid': 'v1' } } }], version: '2.0' });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const json = toPolicyJson(first.policy);
    expect(json.statement[0]?.condition).toEqual({ string_not_equal_if_exist: { 'cos:versionid': ['v1'] } });
    expect(parsePolicy(JSON.stringify(json))).toEqual(first);
  });
});
