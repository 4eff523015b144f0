// PUT/GET Bucket acl and Object acl body: `AccessControlPolicy`. Docs:
// https://cloud.tencent.com/document/api/436/7737 (PUT Bucket acl), 436/7733 (GET Bucket acl),
// 436/7748 (PUT Object acl), 436/7744 (GET Object acl).
// Grants are kept in their order and grantees verbatim (grantees not in the accounts file come back
// as given: docs/cos-behaviour.md "How fidelity is judged"). Requests carry no xsi attributes (the SDKs build them without), so the
// parser ignores attributes; responses carry `xsi:type` as the GET docs show (Group for a URI,
// CanonicalUser for an ID), which needs a builder that writes attributes — the only difference from
// codec.ts's shared builder.
import { XMLBuilder } from 'fast-xml-parser';
import { child, text, type XmlNode, type XmlObject, type XmlParseResult, type XmlRefusal } from './codec';
import { isRefusal, optionalText, readEach, readRoot, refuse } from './read';

export const ACL_PERMISSIONS = ['READ', 'WRITE', 'FULL_CONTROL', 'READ_ACP', 'WRITE_ACP'] as const;
export type AclPermission = (typeof ACL_PERMISSIONS)[number];

/** The anonymous group (436/7737 "匿名用户"; tencentcloud 436/12470, "Grantees"). */
export const ALL_USERS_URI = 'http://cam.qcloud.com/groups/global/AllUsers';
/** How COS writes the anonymous grantee of a canned ACL (`Grantee.ID`, cos-js-sdk-v5 test/qunit_test.js). */
export const ANYONE_ID = 'qcs::cam::anyone:anyone';

export type AclGrantee =
  | { readonly type: 'id'; readonly id: string; readonly displayName?: string }
  | { readonly type: 'uri'; readonly uri: string };

export interface AclGrant {
  readonly grantee: AclGrantee;
  readonly permission: AclPermission;
}

export interface AclOwner {
  readonly id: string;
  readonly displayName?: string;
}

export interface AccessControlPolicy {
  /** Absent when the request body named none (GET always writes the resource owner). */
  readonly owner?: AclOwner;
  readonly grants: readonly AclGrant[];
}

const ROOT = 'AccessControlPolicy';
const GRANT = `${ROOT}.AccessControlList.Grant`;

export function isAclPermission(s: string): s is AclPermission {
  return (ACL_PERMISSIONS as readonly string[]).includes(s);
}

function parseGrantee(node: XmlNode | undefined): AclGrantee | XmlRefusal {
  const g = child(node);
  if (!g) return refuse('Grant needs a Grantee element');
  const id = optionalText(g['ID']);
  const uri = optionalText(g['URI']);
  const displayName = optionalText(g['DisplayName']);
  if (id === null || uri === null || displayName === null) return refuse('malformed Grantee');
  if (id !== undefined && uri !== undefined) return refuse('a Grantee has either an ID or a URI');
  if (id !== undefined && id !== '') return displayName === undefined ? { type: 'id', id } : { type: 'id', id, displayName };
  if (uri !== undefined && uri !== '') return { type: 'uri', uri };
  return refuse('a Grantee needs an ID or a URI');
}

function parseGrant(node: XmlNode): AclGrant | XmlRefusal {
  const g = child(node);
  if (!g) return refuse('Grant must be an element');
  const grantee = parseGrantee(g['Grantee']);
  if (isRefusal(grantee)) return grantee;
  const permission = text(g['Permission']);
  if (!isAclPermission(permission)) return refuse(`Permission must be one of ${ACL_PERMISSIONS.join(', ')}`);
  return { grantee, permission };
}

function parseOwner(node: XmlNode | undefined): AclOwner | undefined | XmlRefusal {
  if (node === undefined) return undefined;
  const o = child(node);
  const id = o ? optionalText(o['ID']) : null;
  const displayName = o ? optionalText(o['DisplayName']) : null;
  if (!o || id === null || displayName === null || id === undefined) return refuse('Owner needs an ID');
  return displayName === undefined ? { id } : { id, displayName };
}

/** Parses an AccessControlPolicy document; structural problems give `ok: false` (MalformedXML). */
export function parseAclXml(xml: string): XmlParseResult<AccessControlPolicy> {
  const root = readRoot(xml, ROOT, [GRANT], 'refused');
  if (isRefusal(root)) return root;
  const owner = parseOwner(root['Owner']);
  if (isRefusal(owner)) return owner;
  const aclNode = root['AccessControlList'];
  if (aclNode === undefined) return refuse('AccessControlList is required');
  const acl = child(aclNode);
  if (!acl && aclNode !== '') return refuse('AccessControlList must be an element');
  const grants = readEach(acl?.['Grant'], parseGrant);
  if (isRefusal(grants)) return grants;
  return { ok: true, value: owner === undefined ? { grants } : { owner, grants } };
}

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: false, suppressEmptyNode: false });

function granteeNode(g: AclGrantee): XmlObject {
  if (g.type === 'uri') return { '@_xmlns:xsi': XSI, '@_xsi:type': 'Group', URI: g.uri };
  // CanonicalUser "includes ID and DisplayName" (436/7733); COS shows the full ID as the name.
  return { '@_xmlns:xsi': XSI, '@_xsi:type': 'CanonicalUser', ID: g.id, DisplayName: g.displayName ?? g.id };
}

/** Builds the GET Bucket/Object acl body, elements in the order of the COS doc. */
export function buildAclXml(policy: { readonly owner: AclOwner; readonly grants: readonly AclGrant[] }): string {
  const owner: XmlObject = { ID: policy.owner.id, DisplayName: policy.owner.displayName ?? policy.owner.id };
  const grants = policy.grants.map((g): XmlObject => ({ Grantee: granteeNode(g.grantee), Permission: g.permission }));
  const body: XmlObject = { Owner: owner, AccessControlList: grants.length > 0 ? { Grant: grants } : '' };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ [ROOT]: body }) as string}`;
}
