import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../../../../shared/policy/parse';
import { authorize } from '../../../../../../shared/policy/authorize';
import { buildTemplate, templateActions, templateProblems, templatesFor, type Scope, type TemplateId, type Who } from './templates';

const REF = { region: 'ap-guangzhou', appId: '1250000000', bucket: 'photos-1250000000' };
const R = 'qcs::cos:ap-guangzhou:uid/1250000000:photos-1250000000';

describe('templatesFor', () => {
  it.each<[Who['kind'], Scope['kind'], TemplateId[]]>([
    ['anyone', 'bucket', ['read', 'read-write', 'custom']],
    ['anyone', 'folder', ['read', 'read-write', 'custom']],
    ['anyone', 'object', ['read', 'read-write', 'custom']],
    ['sub', 'bucket', ['read', 'read-list', 'read-write', 'read-write-list', 'acl', 'bucket-general', 'bucket-sensitive', 'custom']],
    ['root', 'folder', ['read', 'read-list', 'read-write', 'read-write-list', 'custom']],
    ['other-root', 'object', ['read', 'read-write', 'acl', 'custom']],
  ])('%s on %s', (who, scope, ids) => expect(templatesFor(who, scope)).toEqual(ids));

  it('never offers anonymous users listing or configuration', () => {
    for (const scope of ['bucket', 'folder', 'object'] as const) {
      for (const id of templatesFor('anyone', scope)) {
        const { objects, listing } = templateActions(id, scope);
        expect(listing).toEqual([]);
        expect(objects.filter((a) => /Bucket|ACL/.test(a))).toEqual([]);
      }
    }
  });
});

describe('buildTemplate', () => {
  it.each<[string, Who, Scope, TemplateId, unknown]>([
    ['anonymous read on a folder', { kind: 'anyone' }, { kind: 'folder', prefix: 'public' }, 'read', [
      { effect: 'allow', principal: { qcs: ['qcs::cam::anyone:anyone'] }, action: ['name/cos:GetObject', 'name/cos:HeadObject', 'name/cos:OptionsObject'], resource: [`${R}/public/*`] },
    ]],
    ['root of this account, one object ACL', { kind: 'root', rootUin: '100000000001' }, { kind: 'object', key: '/a/b.txt' }, 'acl', [
      { effect: 'allow', principal: { qcs: ['qcs::cam::uin/100000000001:uin/100000000001'] }, action: ['name/cos:GetObjectACL', 'name/cos:PutObjectACL'], resource: [`${R}/a/b.txt`] },
    ]],
    ['another root, custom on the bucket', { kind: 'other-root', uin: '100000000002' }, { kind: 'bucket' }, 'custom', [
      { effect: 'allow', principal: { qcs: ['qcs::cam::uin/100000000002:uin/100000000002'] }, action: [], resource: [`${R}/*`] },
    ]],
    ['sub-account read with listing on a folder: listing limited by cos:prefix', { kind: 'sub', rootUin: '100000000001', uin: '100000000011' }, { kind: 'folder', prefix: 'a b/' }, 'read-list', [
      { effect: 'allow', principal: { qcs: ['qcs::cam::uin/100000000001:uin/100000000011'] }, action: ['name/cos:GetObject', 'name/cos:HeadObject', 'name/cos:OptionsObject'], resource: [`${R}/a b/*`] },
      { effect: 'allow', principal: { qcs: ['qcs::cam::uin/100000000001:uin/100000000011'] }, action: ['name/cos:GetBucket'], resource: [`${R}/*`], condition: { string_like: { 'cos:prefix': ['a%20b%2F*'] } } },
    ]],
  ])('%s', (_, who, scope, id, expected) => expect(buildTemplate(REF, who, scope, id)).toEqual(expected));

  // Every template, on every scope it is offered for, parses as a bucket policy with no error.
  const whos: Who[] = [{ kind: 'anyone' }, { kind: 'sub', rootUin: '100000000001', uin: '100000000011' }];
  const scopes: Scope[] = [{ kind: 'bucket' }, { kind: 'folder', prefix: 'alice/' }, { kind: 'object', key: 'x.txt' }];
  for (const who of whos) {
    for (const scope of scopes) {
      for (const id of templatesFor(who.kind, scope.kind).filter((t) => t !== 'custom')) {
        it(`${who.kind} ${scope.kind} ${id} is a valid bucket policy`, () => {
          const parsed = parsePolicy({ version: '2.0', statement: buildTemplate(REF, who, scope, id) });
          expect(parsed.ok ? [] : parsed.errors).toEqual([]);
        });
      }
    }
  }
});

describe('what a template grants (the shared evaluator)', () => {
  const policy = (() => {
    const statements = [
      ...buildTemplate(REF, { kind: 'anyone' }, { kind: 'folder', prefix: 'public/' }, 'read'),
      ...buildTemplate(REF, { kind: 'sub', rootUin: '100000000001', uin: '100000000011' }, { kind: 'folder', prefix: 'alice/' }, 'read-write-list'),
    ];
    const p = parsePolicy({ version: '2.0', statement: statements });
    if (!p.ok) throw new Error('template policy does not parse');
    return p.policy;
  })();
  it.each([
    ['anonymous GET in public/', 'anonymous', 'GetObject', 'public/a.txt', {}, 'allow'],
    ['anonymous GET outside', 'anonymous', 'GetObject', 'private/a.txt', {}, 'implicit-deny'],
    ['anonymous PUT in public/', 'anonymous', 'PutObject', 'public/a.txt', {}, 'implicit-deny'],
    ['alice PUT in alice/', 'alice', 'PutObject', 'alice/a.txt', {}, 'allow'],
    ['alice PUT outside', 'alice', 'PutObject', 'bob/a.txt', {}, 'implicit-deny'],
    ['alice lists alice/', 'alice', 'GetBucket', undefined, { 'cos:prefix': 'alice%2F' }, 'allow'],
    ['alice lists the root', 'alice', 'GetBucket', undefined, { 'cos:prefix': '' }, 'implicit-deny'],
  ] as const)('%s', (_, who, action, key, context, effect) => {
    const decision = authorize({
      requester: who === 'anonymous' ? { kind: 'anonymous' } : { kind: 'sub', rootUin: '100000000001', uin: '100000000011' },
      ownerUin: '100000000001',
      action: `name/cos:${action}`,
      resource: { ...REF, ...(key === undefined ? {} : { key }) },
      context,
      bucketPolicy: policy,
    });
    expect(decision.effect).toBe(effect);
  });
});

describe('templateProblems', () => {
  it.each<[Who, Scope, string[]]>([
    [{ kind: 'anyone' }, { kind: 'bucket' }, []],
    [{ kind: 'sub', rootUin: '', uin: 'x' }, { kind: 'folder', prefix: ' ' }, ['root-uin', 'uin', 'folder']],
    [{ kind: 'other-root', uin: '100000000002' }, { kind: 'object', key: '/' }, ['key']],
  ])('%j %j', (who, scope, problems) => expect(templateProblems(who, scope)).toEqual(problems));
});
