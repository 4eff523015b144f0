import { describe, expect, it } from 'vitest';
import { ALL_USERS_URI, ANYONE_ID, type AccessControlPolicy, type AclGrant, type AclPermission } from '../xml/acl';
import {
  anonymousOf, camId, cannedChoices, cannedOf, emptyGrantee, formIsValid, formProblems, formToPolicy, granteeProblems, ownerLabel, parseGrantee,
  policyToForm, samePolicy, widensPublicAccess, type AclForm, type GranteeDraft, type ParsedGrantee,
} from './acl-form';

const OWNER = { id: 'qcs::cam::uin/100000000001:uin/100000000001', displayName: 'qcs::cam::uin/100000000001:uin/100000000001' };
const ownerFull: AclGrant = { grantee: { type: 'id', id: OWNER.id }, permission: 'FULL_CONTROL' };
const id = (i: string, permission: AclPermission): AclGrant => ({ grantee: { type: 'id', id: i }, permission });
const uri = (u: string, permission: AclPermission): AclGrant => ({ grantee: { type: 'uri', uri: u }, permission });
const ALICE = 'qcs::cam::uin/100000000001:uin/100000000011';
const OTHER_ROOT = 'qcs::cam::uin/100000000002:uin/100000000002';

describe('parseGrantee', () => {
  it.each<[string, AccessControlPolicy['grants'][number]['grantee'], ParsedGrantee]>([
    ['AllUsers group', { type: 'uri', uri: ALL_USERS_URI }, { kind: 'anonymous' }],
    ['anyone (canned ACL)', { type: 'id', id: ANYONE_ID }, { kind: 'anonymous' }],
    ['a root account', { type: 'id', id: OTHER_ROOT }, { kind: 'root', rootUin: '100000000002' }],
    ['a sub-account', { type: 'id', id: ALICE }, { kind: 'sub', rootUin: '100000000001', subUin: '100000000011' }],
    ['another group', { type: 'uri', uri: 'http://cam.qcloud.com/groups/global/Other' }, { kind: 'other' }],
    ['an id of another form', { type: 'id', id: 'qcs::cam::uid/1250000000' }, { kind: 'other' }],
  ])('%s', (_name, grantee, parsed) => {
    expect(parseGrantee(grantee)).toEqual(parsed);
  });

  it('camId builds root and sub-account IDs', () => {
    expect(camId('100000000002')).toBe(OTHER_ROOT);
    expect(camId('100000000001', '100000000011')).toBe(ALICE);
  });
});

describe('policy ↔ form', () => {
  const strip = (f: AclForm) => ({ ...f, grantees: f.grantees.map(({ key: _key, ...rest }) => rest) });

  it.each<[string, AccessControlPolicy, ReturnType<typeof strip>]>([
    ['private (owner only)', { owner: OWNER, grants: [ownerFull] },
      { owner: OWNER, anonymous: [], anonymousGrantee: { type: 'uri', uri: ALL_USERS_URI }, grantees: [] }],
    ['public-read as the canned header writes it', { owner: OWNER, grants: [id(ANYONE_ID, 'READ')] },
      { owner: OWNER, anonymous: ['READ'], anonymousGrantee: { type: 'id', id: ANYONE_ID }, grantees: [] }],
    ['grants grouped by grantee, permissions in fixed order', {
      owner: OWNER,
      grants: [ownerFull, id(ALICE, 'WRITE'), uri(ALL_USERS_URI, 'READ'), id(OTHER_ROOT, 'READ_ACP'), id(ALICE, 'READ')],
    }, {
      owner: OWNER, anonymous: ['READ'], anonymousGrantee: { type: 'uri', uri: ALL_USERS_URI },
      grantees: [
        { kind: 'sub', rootUin: '100000000001', subUin: '100000000011', permissions: ['READ', 'WRITE'] },
        { kind: 'root', rootUin: '100000000002', subUin: '', permissions: ['READ_ACP'] },
      ],
    }],
    ['an unknown grantee kept verbatim; owner READ kept as a row', {
      owner: OWNER, grants: [ownerFull, id('qcs::cam::uid/9', 'READ'), id(OWNER.id, 'READ')],
    }, {
      owner: OWNER, anonymous: [], anonymousGrantee: { type: 'uri', uri: ALL_USERS_URI },
      grantees: [
        { kind: 'other', rootUin: '', subUin: '', raw: { type: 'id', id: 'qcs::cam::uid/9' }, permissions: ['READ'] },
        { kind: 'root', rootUin: '100000000001', subUin: '', permissions: ['READ'] },
      ],
    }],
  ])('%s', (_name, policy, form) => {
    expect(strip(policyToForm(policy))).toEqual(form);
  });

  it.each<[string, AccessControlPolicy]>([
    ['owner only', { owner: OWNER, grants: [ownerFull] }],
    ['owner, anonymous, accounts', { owner: OWNER, grants: [ownerFull, uri(ALL_USERS_URI, 'READ'), id(ALICE, 'READ'), id(ALICE, 'WRITE_ACP'), id(OTHER_ROOT, 'FULL_CONTROL')] }],
    ['anyone written as ID stays so', { owner: OWNER, grants: [ownerFull, id(ANYONE_ID, 'FULL_CONTROL')] }],
  ])('%s: written as read when already in the form\'s order', (_name, policy) => {
    expect(formToPolicy(policyToForm(policy))).toEqual(policy);
  });

  it('the owner\'s FULL_CONTROL is written first even when COS showed none', () => {
    const form = policyToForm({ owner: OWNER, grants: [id(ALICE, 'READ')] });
    expect(formToPolicy(form).grants).toEqual([ownerFull, id(ALICE, 'READ')]);
  });

  it('rows with incomplete UINs are left out; UINs are trimmed', () => {
    const form = policyToForm({ owner: OWNER, grants: [ownerFull] });
    const rows: GranteeDraft[] = [
      { ...emptyGrantee('sub'), rootUin: ' 100000000001 ', subUin: '100000000011 ' },
      { ...emptyGrantee('sub'), rootUin: '100000000001' },
      { ...emptyGrantee('root'), rootUin: '100000000002', permissions: ['WRITE', 'READ'] },
    ];
    expect(formToPolicy({ ...form, grantees: rows }).grants).toEqual([ownerFull, id(ALICE, 'READ'), id(OTHER_ROOT, 'READ'), id(OTHER_ROOT, 'WRITE')]);
  });

  it.each<[string, AccessControlPolicy, AccessControlPolicy, boolean]>([
    ['order differs', { owner: OWNER, grants: [ownerFull, id(ALICE, 'READ'), id(OTHER_ROOT, 'READ')] }, { owner: OWNER, grants: [id(OTHER_ROOT, 'READ'), ownerFull, id(ALICE, 'READ')] }, true],
    ['owner FULL_CONTROL implicit', { owner: OWNER, grants: [] }, { owner: OWNER, grants: [ownerFull] }, true],
    ['display names aside', { owner: OWNER, grants: [{ grantee: { type: 'id', id: ALICE, displayName: ALICE }, permission: 'READ' }] }, { owner: OWNER, grants: [id(ALICE, 'READ')] }, true],
    ['a permission differs', { owner: OWNER, grants: [id(ALICE, 'READ')] }, { owner: OWNER, grants: [id(ALICE, 'WRITE')] }, false],
    ['a grant more', { owner: OWNER, grants: [id(ALICE, 'READ')] }, { owner: OWNER, grants: [id(ALICE, 'READ'), uri(ALL_USERS_URI, 'READ')] }, false],
  ])('samePolicy: %s', (_name, a, b, same) => {
    expect(samePolicy(a, b)).toBe(same);
  });
});

describe('canned ACLs', () => {
  it.each<[AclPermission[], string]>([
    [[], 'private'],
    [['READ'], 'public-read'],
    [['FULL_CONTROL'], 'public-read-write'],
    [['WRITE', 'READ'], 'public-read-write'],
    [['READ_ACP'], 'custom'],
    [['READ', 'READ_ACP'], 'custom'],
  ])('%j is %s', (anonymous, canned) => {
    expect(cannedOf(anonymous)).toBe(canned);
  });

  it.each(['private', 'public-read', 'public-read-write'] as const)('%s round-trips through its anonymous permissions', (canned) => {
    expect(cannedOf(anonymousOf(canned))).toBe(canned);
  });

  it('objects are not offered public-read-write', () => {
    expect(cannedChoices('object')).toEqual(['private', 'public-read']);
    expect(cannedChoices('bucket')).toEqual(['private', 'public-read', 'public-read-write']);
  });

  it.each<[AclPermission[], AclPermission[], AclPermission[]]>([
    [[], ['READ'], ['READ']],
    [['READ'], ['READ'], []],
    [['READ'], ['FULL_CONTROL'], ['FULL_CONTROL']],
    [['FULL_CONTROL'], ['READ'], []],
    [['READ'], [], []],
    [[], ['WRITE', 'READ'], ['READ', 'WRITE']],
  ])('widensPublicAccess %j → %j gives %j', (before, after, widened) => {
    expect(widensPublicAccess(before, after)).toEqual(widened);
  });
});

describe('validation', () => {
  const form = (rows: Partial<GranteeDraft>[]): AclForm => ({
    ...policyToForm({ owner: OWNER, grants: [ownerFull] }),
    grantees: rows.map((r) => ({ ...emptyGrantee('sub'), ...r })),
  });

  it.each<[string, Partial<GranteeDraft>, ReturnType<typeof granteeProblems>[number]]>([
    ['a valid sub-account', { rootUin: '100000000001', subUin: '100000000011' }, {}],
    ['a valid root account', { kind: 'root', rootUin: '100000000002' }, {}],
    ['empty', {}, { root: 'rootRequired', sub: 'subRequired' }],
    ['root not digits', { kind: 'root', rootUin: '12ab5678' }, { root: 'rootInvalid' }],
    ['root too short', { kind: 'root', rootUin: '1234' }, { root: 'rootInvalid' }],
    ['leading zero', { kind: 'root', rootUin: '0100000000' }, { root: 'rootInvalid' }],
    ['sub invalid', { rootUin: '100000000001', subUin: 'alice' }, { sub: 'subInvalid' }],
    ['sub equals root', { rootUin: '100000000001', subUin: '100000000001' }, { sub: 'subIsRoot' }],
    ['no permission', { kind: 'root', rootUin: '100000000002', permissions: [] }, { row: 'noPermission' }],
    ['the owner again with FULL_CONTROL', { kind: 'root', rootUin: '100000000001', permissions: ['FULL_CONTROL'] }, { row: 'isOwner' }],
    ['the owner with READ', { kind: 'root', rootUin: '100000000001', permissions: ['READ'] }, {}],
  ])('%s', (_name, row, problems) => {
    expect(granteeProblems(form([row]))[0]).toEqual(problems);
    expect(formIsValid(form([row]))).toBe(Object.keys(problems).length === 0);
  });

  it('the second row naming the same grantee is a duplicate', () => {
    const f = form([{ kind: 'root', rootUin: '100000000002' }, { kind: 'root', rootUin: '100000000002', permissions: ['WRITE'] }]);
    expect(granteeProblems(f)).toEqual([{}, { row: 'duplicate' }]);
  });

  it('at most 100 grants, the owner\'s included', () => {
    const rows = Array.from({ length: 99 }, (_, i) => ({ kind: 'root' as const, rootUin: String(100000000100 + i) }));
    expect(formProblems(form(rows))).toEqual([]);
    expect(formProblems(form([...rows, { kind: 'root', rootUin: '100000000999' }]))).toEqual(['tooManyGrants']);
  });

  it.each([
    [OWNER, '100000000001'],
    [{ id: 'qcs::cam::uid/1250000000' }, 'qcs::cam::uid/1250000000'],
  ])('ownerLabel %j', (owner, label) => {
    expect(ownerLabel(owner)).toBe(label);
  });
});
