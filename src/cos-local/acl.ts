// Bucket and object ACLs as cos-local stores them, and the `x-cos-acl` / `x-cos-grant-*` request
// headers (PUT Bucket 436/7738, PUT Bucket acl 436/7737, PUT Object 436/7749, PUT Object acl
// 436/7748, Initiate Multipart Upload 436/7746, PUT Object - Copy 436/10881).
//
// What a header ACL becomes follows what real COS answers in the SDKs' own suites
// (cos-js-sdk-v5 test/qunit_test.js "putBucketAcl() header …", "putObjectAcl() header …"):
// - `public-read` is one grant, `qcs::cam::anyone:anyone` READ; `public-read-write` is one grant,
//   anyone FULL_CONTROL; `private` adds no grant;
// - each `x-cos-grant-*` value adds its grantees, after the canned grant, in header order; the owner
//   is never added, so GET returns exactly the grants that were put;
// - an ACL without grants reads back as the owner's FULL_CONTROL ("private" → one grant).
// An object ACL of `default` (or none) follows the bucket: the record then has no `acl` at all.
//
// Stored text (bucket config 'acl', ObjectRecord.acl): `{"grants":[{grantee,permission}]}`.
import type { IncomingHttpHeaders } from 'node:http';
import { CosError } from '../shared/errors/cos-error';
import { ANYONE_ID, isAclPermission, type AclGrant, type AclGrantee, type AclPermission } from '../shared/xml/acl';

export type AclLevel = 'bucket' | 'object';

export interface StoredAcl {
  readonly grants: readonly AclGrant[];
}

/** `x-cos-grant-<name>` → permission. */
const GRANT_HEADERS: Readonly<Record<string, AclPermission>> = {
  'x-cos-grant-read': 'READ',
  'x-cos-grant-write': 'WRITE',
  'x-cos-grant-read-acp': 'READ_ACP',
  'x-cos-grant-write-acp': 'WRITE_ACP',
  'x-cos-grant-full-control': 'FULL_CONTROL',
};

const anyone = (permission: AclPermission): AclGrant => ({ grantee: { type: 'id', id: ANYONE_ID }, permission });

/** Canned ACLs whose grants COS shows (qunit_test.js); `default` (objects) means "follow the bucket". */
const CANNED: Readonly<Record<string, readonly AclGrant[]>> = {
  private: [],
  'public-read': [anyone('READ')],
  'public-read-write': [anyone('FULL_CONTROL')],
};
// Listed as accepted values (tencentcloud 436/46206, `cos:x-cos-acl`) but what grants they stand for is
// not documented.
const UNDOCUMENTED = new Set(['authenticated-read', 'bucket-owner-read', 'bucket-owner-full-control']);

function headerText(v: string | string[] | undefined): string | undefined {
  if (v === undefined) return undefined;
  const s = (Array.isArray(v) ? v.join(',') : v).trim();
  return s === '' ? undefined : s;
}

/** Splits `id="a", id="b"` on the commas outside quotes. */
function splitItems(value: string): string[] {
  const items: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of value) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      items.push(current);
      current = '';
    } else current += ch;
  }
  items.push(current);
  return items;
}

const ITEM = /^\s*(id|uri|uin)\s*=\s*"([^"]*)"\s*$/i;

/**
 * One grantee of a grant header. `id="<root>"` and `id="<root>/<sub>"` are the documented short
 * forms (436/7737); the full `qcs::cam::uin/<root>:uin/<sub>` is what the SDK suites send; `uin=` is
 * the older spelling cos-nodejs-sdk-v5 still documents; `uri=` names a group (AllUsers).
 */
export function parseGrantee(item: string, header: string): AclGrantee {
  const m = ITEM.exec(item);
  const kind = m?.[1]?.toLowerCase();
  const value = (m?.[2] ?? '').trim();
  const bad = new CosError('InvalidArgument', { message: `${header}: "${item.trim()}" is not id="<uin>", id="<uin>/<sub-uin>", id="qcs::cam::uin/…" or uri="…".` });
  if (!m || value === '') throw bad;
  if (kind === 'uri') return { type: 'uri', uri: value };
  const short = /^(\d+)(?:\/(\d+))?$/.exec(value);
  if (short) return { type: 'id', id: `qcs::cam::uin/${short[1] ?? ''}:uin/${short[2] ?? short[1] ?? ''}` };
  if (value.startsWith('qcs::cam::')) return { type: 'id', id: value };
  throw bad;
}

export type HeaderAcl =
  /** No ACL header at all. */
  | { readonly kind: 'none' }
  /** Object `x-cos-acl: default` without grants: the object follows the bucket. */
  | { readonly kind: 'inherit' }
  | { readonly kind: 'set'; readonly acl: StoredAcl };

/** Reads the ACL headers of a request; throws InvalidArgument / NotImplemented on bad values. */
export function aclFromHeaders(headers: IncomingHttpHeaders, level: AclLevel): HeaderAcl {
  const canned = headerText(headers['x-cos-acl']);
  const grants: AclGrant[] = [];
  if (canned !== undefined) {
    if (UNDOCUMENTED.has(canned)) throw new CosError('NotImplemented', { message: `x-cos-acl: ${canned} is not implemented by cos-local.` });
    const preset = canned === 'default' && level === 'object' ? [] : CANNED[canned];
    if (!preset) throw new CosError('InvalidArgument', { message: `x-cos-acl: "${canned}" is not a valid ${level} ACL.` });
    grants.push(...preset);
  }
  let hasGrantHeader = false;
  for (const name of Object.keys(headers)) {
    if (!name.startsWith('x-cos-grant-')) continue;
    const permission = GRANT_HEADERS[name];
    if (!permission) throw new CosError('InvalidArgument', { message: `${name} is not an ACL header.` });
    const value = headerText(headers[name]);
    if (value === undefined) continue; // the SDKs send empty grant headers for unset parameters
    hasGrantHeader = true;
    for (const item of splitItems(value)) grants.push({ grantee: parseGrantee(item, name), permission });
  }
  if (canned === undefined && !hasGrantHeader) return { kind: 'none' };
  if (canned === 'default' && !hasGrantHeader) return { kind: 'inherit' };
  return { kind: 'set', acl: { grants } };
}

/**
 * The ACL text a write should store, for PUT Bucket, PUT Object, Initiate Multipart Upload, PUT
 * Object - Copy and POST Object: undefined when the request sets none (or `default` on an object).
 */
export function aclFromRequestHeaders(headers: IncomingHttpHeaders, level: AclLevel): string | undefined {
  const acl = aclFromHeaders(headers, level);
  return acl.kind === 'set' ? aclToText(acl.acl) : undefined;
}

export function aclToText(acl: StoredAcl): string {
  return JSON.stringify({ grants: acl.grants });
}

function isGrantee(v: unknown): v is AclGrantee {
  if (typeof v !== 'object' || v === null) return false;
  const g = v as Record<string, unknown>;
  return (g['type'] === 'id' && typeof g['id'] === 'string') || (g['type'] === 'uri' && typeof g['uri'] === 'string');
}

/** Reads stored ACL text; entries that are not grants are dropped (they could only ever widen nothing). */
export function parseAcl(text: string): StoredAcl {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { grants: [] };
  }
  const raw = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)['grants'] : undefined;
  if (!Array.isArray(raw)) return { grants: [] };
  const grants = raw.flatMap((g: unknown): AclGrant[] => {
    if (typeof g !== 'object' || g === null) return [];
    const { grantee, permission } = g as Record<string, unknown>;
    return isGrantee(grantee) && typeof permission === 'string' && isAclPermission(permission) ? [{ grantee, permission }] : [];
  });
  return { grants };
}

/** What GET acl shows: the grants, or the owner's FULL_CONTROL when there are none. */
export function displayedGrants(acl: StoredAcl | undefined, ownerId: string): readonly AclGrant[] {
  const grants = acl?.grants ?? [];
  return grants.length > 0 ? grants : [{ grantee: { type: 'id', id: ownerId }, permission: 'FULL_CONTROL' }];
}
