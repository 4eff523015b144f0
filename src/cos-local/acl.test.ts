// The x-cos-acl / x-cos-grant-* headers as COS reads them (436/7737, 436/7748) and the grants real COS
// returns for them in cos-js-sdk-v5 test/qunit_test.js; the stored ACL text.
import { describe, expect, it } from 'vitest';
import { CosError } from '../shared/errors/cos-error';
import { aclFromHeaders, aclFromRequestHeaders, aclToText, displayedGrants, parseAcl, parseGrantee } from './acl';

const A = 'qcs::cam::uin/1001:uin/1001';
const B = 'qcs::cam::uin/1002:uin/1002';
const anyone = 'qcs::cam::anyone:anyone';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return e instanceof CosError ? e.code : String(e);
  }
  return 'no error';
}

describe('aclFromHeaders', () => {
  it.each([
    // The grants real COS reads back in cos-js-sdk-v5 test/qunit_test.js.
    ['private adds no grant', { 'x-cos-acl': 'private' }, 'bucket', []],
    ['public-read: anyone READ', { 'x-cos-acl': 'public-read' }, 'bucket', [[anyone, 'READ']]],
    ['public-read-write: anyone FULL_CONTROL', { 'x-cos-acl': 'public-read-write' }, 'bucket', [[anyone, 'FULL_CONTROL']]],
    ['grant-read, two full ids with a space', { 'x-cos-grant-read': `id="${A}", id="${B}"` }, 'bucket', [[A, 'READ'], [B, 'READ']]],
    ['canned first, then the grant header', { 'x-cos-grant-full-control': `id="${A}",id="${B}"`, 'x-cos-acl': 'public-read' }, 'object', [[anyone, 'READ'], [A, 'FULL_CONTROL'], [B, 'FULL_CONTROL']]],
    ['short root id (436/7737)', { 'x-cos-grant-read-acp': 'id="100000000001"' }, 'object', [['qcs::cam::uin/100000000001:uin/100000000001', 'READ_ACP']]],
    ['short sub-account id (436/7737)', { 'x-cos-grant-write-acp': 'id="100000000001/100000000011"' }, 'bucket', [['qcs::cam::uin/100000000001:uin/100000000011', 'WRITE_ACP']]],
    ['uin= spelling', { 'x-cos-grant-write': 'uin="100000000002"' }, 'bucket', [['qcs::cam::uin/100000000002:uin/100000000002', 'WRITE']]],
    ['empty grant headers are ignored (the SDK sends unset ones empty)', { 'x-cos-acl': 'private', 'x-cos-grant-read': `id="${A}"`, 'x-cos-grant-write': '', 'x-cos-grant-full-control': '' }, 'bucket', [[A, 'READ']]],
    ['object default with a grant: the grant only', { 'x-cos-acl': 'default', 'x-cos-grant-read': `id="${A}"` }, 'object', [[A, 'READ']]],
  ] as const)('%s', (_name, headers, level, expected) => {
    const acl = aclFromHeaders(headers, level);
    if (acl.kind !== 'set') throw new Error(`expected an ACL, got ${acl.kind}`);
    expect(acl.acl.grants.map((g) => [g.grantee.type === 'id' ? g.grantee.id : g.grantee.uri, g.permission])).toEqual(expected);
  });

  it('keeps a uri grantee as given', () => {
    const acl = aclFromHeaders({ 'x-cos-grant-read': 'uri="http://cam.qcloud.com/groups/global/AllUsers"' }, 'bucket');
    expect(acl).toEqual({ kind: 'set', acl: { grants: [{ grantee: { type: 'uri', uri: 'http://cam.qcloud.com/groups/global/AllUsers' }, permission: 'READ' }] } });
  });

  it('no ACL header → none; object default alone → inherit', () => {
    expect(aclFromHeaders({ 'content-type': 'text/plain', 'x-cos-grant-read': '  ' }, 'object')).toEqual({ kind: 'none' });
    expect(aclFromHeaders({ 'x-cos-acl': 'default' }, 'object')).toEqual({ kind: 'inherit' });
    expect(aclFromRequestHeaders({ 'x-cos-acl': 'default' }, 'object')).toBeUndefined();
    expect(aclFromRequestHeaders({}, 'bucket')).toBeUndefined();
  });

  it('aclFromRequestHeaders gives the stored text', () => {
    const text = aclFromRequestHeaders({ 'x-cos-acl': 'public-read' }, 'object');
    expect(text).toBe(aclToText({ grants: [{ grantee: { type: 'id', id: anyone }, permission: 'READ' }] }));
    expect(parseAcl(text ?? '')).toEqual({ grants: [{ grantee: { type: 'id', id: anyone }, permission: 'READ' }] });
  });

  it.each([
    ['default on a bucket', { 'x-cos-acl': 'default' }, 'bucket', 'InvalidArgument'],
    ['an unknown canned ACL', { 'x-cos-acl': 'public' }, 'object', 'InvalidArgument'],
    ['an undocumented canned ACL', { 'x-cos-acl': 'authenticated-read' }, 'bucket', 'NotImplemented'],
    ['an unknown grant header', { 'x-cos-grant-everything': 'id="1"' }, 'bucket', 'InvalidArgument'],
    ['a grantee without quotes', { 'x-cos-grant-read': 'id=100000000001' }, 'bucket', 'InvalidArgument'],
    ['an empty id', { 'x-cos-grant-read': 'id=""' }, 'bucket', 'InvalidArgument'],
    ['an id that is neither a uin nor a CAM id', { 'x-cos-grant-read': 'id="alice"' }, 'bucket', 'InvalidArgument'],
    ['a trailing comma', { 'x-cos-grant-read': 'id="1",' }, 'bucket', 'InvalidArgument'],
  ] as const)('rejects %s', (_name, headers, level, code) => {
    expect(codeOf(() => aclFromHeaders(headers, level))).toBe(code);
  });
});

describe('parseGrantee', () => {
  it('keeps a comma inside quotes', () => {
    expect(parseGrantee('uri="http://x/a,b"', 'x-cos-grant-read')).toEqual({ type: 'uri', uri: 'http://x/a,b' });
  });
});

describe('parseAcl / displayedGrants', () => {
  it('drops what is not a grant and survives garbage', () => {
    expect(parseAcl('{"grants":[{"grantee":{"type":"id","id":"x"},"permission":"READ"},{"grantee":{"type":"id"},"permission":"READ"},{"grantee":{"type":"id","id":"y"},"permission":"ALL"}]}'))
      .toEqual({ grants: [{ grantee: { type: 'id', id: 'x' }, permission: 'READ' }] });
    expect(parseAcl('nope')).toEqual({ grants: [] });
    expect(parseAcl('{"grants":3}')).toEqual({ grants: [] });
  });

  it('an ACL without grants reads back as the owner\'s FULL_CONTROL', () => {
    expect(displayedGrants({ grants: [] }, A)).toEqual([{ grantee: { type: 'id', id: A }, permission: 'FULL_CONTROL' }]);
    expect(displayedGrants(undefined, A)).toHaveLength(1);
    const one = { grants: [{ grantee: { type: 'id', id: B }, permission: 'READ' }] } as const;
    expect(displayedGrants(one, A)).toEqual(one.grants);
  });
});
