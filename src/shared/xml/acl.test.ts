// The AccessControlPolicy codec on fixtures from the COS docs: the ACL overview example of "ACL
// Practices" (https://www.tencentcloud.com/document/product/436/12470), the GET Bucket acl response shape (436/7733) and the
// body cos-nodejs-sdk-v5 builds.
import { describe, expect, it } from 'vitest';
import { ALL_USERS_URI, buildAclXml, parseAclXml, type AccessControlPolicy } from './acl';
import overview from './__fixtures__/acl-overview-example.xml?raw';
import getResponse from './__fixtures__/acl-get-response.xml?raw';
import sdkRequest from './__fixtures__/acl-sdk-request.xml?raw';

const ROOT = 'qcs::cam::uin/100000000001:uin/100000000001';

describe('AccessControlPolicy codec', () => {
  it('parses the ACL overview example (tencentcloud 436/12470: RootAccount + AllUsers), attributes ignored', () => {
    expect(parseAclXml(overview)).toEqual({
      ok: true,
      value: {
        owner: { id: ROOT, displayName: ROOT },
        grants: [
          { grantee: { type: 'id', id: ROOT, displayName: ROOT }, permission: 'FULL_CONTROL' },
          { grantee: { type: 'uri', uri: ALL_USERS_URI }, permission: 'READ' },
        ],
      },
    });
  });

  it('parses the GET Bucket acl response shape of 436/7733 (Group URI, CanonicalUser ID) and round-trips it', () => {
    const parsed = parseAclXml(getResponse);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.value.grants.map((g) => g.permission)).toEqual(['READ', 'WRITE_ACP']);
    const owner = parsed.value.owner ?? { id: '' };
    expect(parseAclXml(buildAclXml({ owner, grants: parsed.value.grants }))).toEqual(parsed);
  });

  it('parses the body cos-nodejs-sdk-v5 builds (no declaration, no xsi, Grantee with ID only)', () => {
    expect(parseAclXml(sdkRequest)).toEqual({
      ok: true,
      value: { owner: { id: 'qcs::cam::uin/10001:uin/10001' }, grants: [{ grantee: { type: 'id', id: 'qcs::cam::uin/10002:uin/10002' }, permission: 'READ' }] },
    });
  });

  it('builds Owner then the grants in order, with xsi:type as the GET docs show', () => {
    const policy = {
      owner: { id: ROOT },
      grants: [
        { grantee: { type: 'uri', uri: ALL_USERS_URI }, permission: 'READ' },
        { grantee: { type: 'id', id: 'qcs::cam::anyone:anyone' }, permission: 'FULL_CONTROL' },
      ],
    } as const;
    expect(buildAclXml(policy)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<AccessControlPolicy>' +
        `<Owner><ID>${ROOT}</ID><DisplayName>${ROOT}</DisplayName></Owner><AccessControlList>` +
        '<Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group"><URI>http://cam.qcloud.com/groups/global/AllUsers</URI></Grantee><Permission>READ</Permission></Grant>' +
        '<Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>qcs::cam::anyone:anyone</ID><DisplayName>qcs::cam::anyone:anyone</DisplayName></Grantee><Permission>FULL_CONTROL</Permission></Grant>' +
        '</AccessControlList></AccessControlPolicy>',
    );
  });

  it('builds and parses an empty AccessControlList', () => {
    const xml = buildAclXml({ owner: { id: ROOT }, grants: [] });
    expect(xml).toContain('<AccessControlList></AccessControlList>');
    const parsed = parseAclXml(xml);
    expect(parsed.ok && parsed.value.grants).toEqual([]);
  });

  it('escapes grantee text', () => {
    const policy: AccessControlPolicy = { grants: [{ grantee: { type: 'id', id: 'a<b>&c' }, permission: 'READ' }] };
    const parsed = parseAclXml(buildAclXml({ owner: { id: ROOT }, grants: policy.grants }));
    expect(parsed.ok && parsed.value.grants[0]?.grantee).toEqual({ type: 'id', id: 'a<b>&c', displayName: 'a<b>&c' });
  });

  it.each([
    ['not XML', 'nope', expect.stringContaining('is not expected')],
    ['wrong root', '<Other/>', 'the root element must be AccessControlPolicy'],
    ['no AccessControlList', '<AccessControlPolicy><Owner><ID>x</ID></Owner></AccessControlPolicy>', 'AccessControlList is required'],
    ['unknown permission', '<AccessControlPolicy><AccessControlList><Grant><Grantee><ID>x</ID></Grantee><Permission>ALL</Permission></Grant></AccessControlList></AccessControlPolicy>',
      'Permission must be one of READ, WRITE, FULL_CONTROL, READ_ACP, WRITE_ACP'],
    ['grant without grantee', '<AccessControlPolicy><AccessControlList><Grant><Permission>READ</Permission></Grant></AccessControlList></AccessControlPolicy>', 'Grant needs a Grantee element'],
    ['grantee without ID or URI', '<AccessControlPolicy><AccessControlList><Grant><Grantee><DisplayName>x</DisplayName></Grantee><Permission>READ</Permission></Grant></AccessControlList></AccessControlPolicy>',
      'a Grantee needs an ID or a URI'],
    ['grantee with both ID and URI', `<AccessControlPolicy><AccessControlList><Grant><Grantee><ID>x</ID><URI>${ALL_USERS_URI}</URI></Grantee><Permission>READ</Permission></Grant></AccessControlList></AccessControlPolicy>`,
      'a Grantee has either an ID or a URI'],
    ['owner without ID', '<AccessControlPolicy><Owner><DisplayName>x</DisplayName></Owner><AccessControlList/></AccessControlPolicy>', 'Owner needs an ID'],
    ['nested element as an ID', '<AccessControlPolicy><AccessControlList><Grant><Grantee><ID><x/></ID></Grantee><Permission>READ</Permission></Grant></AccessControlList></AccessControlPolicy>', 'malformed Grantee'],
  ])('rejects %s', (_name, xml, reason) => {
    expect(parseAclXml(xml)).toEqual({ ok: false, reason });
  });
});
