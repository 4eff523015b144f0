// The ACL editor's form (bucket ACL section, object ACL dialog) and its conversion to and from the
// AccessControlPolicy that PUT/GET Bucket acl (https://cloud.tencent.com/document/product/436/7737,
// 436/7733) and PUT/GET Object acl (436/7748, 436/7744) carry.
//
// What the form keeps apart (ACL overview, https://cloud.tencent.com/document/product/436/30583):
// - the owner's FULL_CONTROL: "the resource owner always has FULL_CONTROL, which cannot be revoked",
//   so it is not a row one edits; it is written first in every PUT. cos-local, like the SDK suites
//   show for COS, stores exactly the grants it is given, so an ACL put without it reads back without it;
// - anonymous users (`http://cam.qcloud.com/groups/global/AllUsers`, or `qcs::cam::anyone:anyone` as the
//   canned `x-cos-acl` values write it): one row whose permissions are what "private", "public-read"
//   and "public-read-write" mean (cos-local src/cos-local/acl.ts, after cos-js-sdk-v5's suite);
// - root accounts (`qcs::cam::uin/<root>:uin/<root>`) and sub-accounts (`qcs::cam::uin/<root>:uin/<sub>`);
//   any other grantee string is kept verbatim and shown as such.
// Pure: used by the console's bucket section and its file browser alike.
import { ALL_USERS_URI, ANYONE_ID, type AccessControlPolicy, type AclGrant, type AclGrantee, type AclOwner, type AclPermission } from '../xml/acl';

/** A resource keeps at most 100 grants (436/30583 "ACL 限制"). */
export const MAX_ACL_GRANTS = 100;

export type AclLevel = 'bucket' | 'object';

/** The canned ACLs (`x-cos-acl`): objects also have `default`, "follow the bucket" (436/7748). */
export type CannedAcl = 'private' | 'public-read' | 'public-read-write';

export type GranteeKind = 'root' | 'sub' | 'other';

export interface GranteeDraft {
  /** Stable React key. */
  readonly key: string;
  readonly kind: GranteeKind;
  readonly rootUin: string;
  /** Sub-accounts only. */
  readonly subUin: string;
  /** `other` only: the grantee as COS returned it (an ID or a group URI), kept verbatim. */
  readonly raw?: AclGrantee;
  readonly permissions: readonly AclPermission[];
}

export interface AclForm {
  readonly owner: AclOwner;
  /** Permissions of anonymous users. */
  readonly anonymous: readonly AclPermission[];
  /** How anonymous users are written: as read (canned ACLs write ANYONE_ID), else the documented group URI. */
  readonly anonymousGrantee: AclGrantee;
  readonly grantees: readonly GranteeDraft[];
}

export type ParsedGrantee =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'root'; readonly rootUin: string }
  | { readonly kind: 'sub'; readonly rootUin: string; readonly subUin: string }
  | { readonly kind: 'other' };

const CAM_ID = /^qcs::cam::uin\/(\d+):uin\/(\d+)$/;

/** What a grantee is: anonymous users, a root account, a sub-account, or something else. */
export function parseGrantee(g: AclGrantee): ParsedGrantee {
  if (g.type === 'uri') return g.uri === ALL_USERS_URI ? { kind: 'anonymous' } : { kind: 'other' };
  if (g.id === ANYONE_ID) return { kind: 'anonymous' };
  const m = CAM_ID.exec(g.id);
  if (!m) return { kind: 'other' };
  const [, root = '', sub = ''] = m;
  return root === sub ? { kind: 'root', rootUin: root } : { kind: 'sub', rootUin: root, subUin: sub };
}

/** The CAM ID of a root account (`sub` absent) or of a sub-account. */
export function camId(rootUin: string, subUin?: string): string {
  return `qcs::cam::uin/${rootUin}:uin/${subUin ?? rootUin}`;
}

/** The order the form shows and writes permissions in: the data ones, the ACL ones, then all of them. */
export const PERMISSION_ORDER: readonly AclPermission[] = ['READ', 'WRITE', 'READ_ACP', 'WRITE_ACP', 'FULL_CONTROL'];

/** Permissions in the order the form shows and writes them. */
export function sortPermissions(ps: Iterable<AclPermission>): AclPermission[] {
  const set = new Set(ps);
  return PERMISSION_ORDER.filter((p) => set.has(p));
}

let counter = 0;
const nextKey = (): string => `g${++counter}`;

export function emptyGrantee(kind: 'root' | 'sub' = 'sub'): GranteeDraft {
  return { key: nextKey(), kind, rootUin: '', subUin: '', permissions: ['READ'] };
}

const granteeKeyOf = (g: AclGrantee): string => (g.type === 'uri' ? `uri:${g.uri}` : `id:${g.id}`);
const isOwnerFull = (g: AclGrant, owner: AclOwner): boolean => g.permission === 'FULL_CONTROL' && g.grantee.type === 'id' && g.grantee.id === owner.id;

/**
 * The form of a policy read from COS: the owner's FULL_CONTROL taken out (it is always written back),
 * the anonymous grants gathered in one row, the others grouped by grantee in the order first seen.
 */
export function policyToForm(policy: AccessControlPolicy, fallbackOwner?: AclOwner): AclForm {
  const owner = policy.owner ?? fallbackOwner ?? { id: '' };
  const anonymous = new Set<AclPermission>();
  let anonymousGrantee: AclGrantee | undefined;
  const rows = new Map<string, { grantee: AclGrantee; permissions: Set<AclPermission> }>();
  for (const grant of policy.grants) {
    if (isOwnerFull(grant, owner)) continue;
    if (parseGrantee(grant.grantee).kind === 'anonymous') {
      anonymous.add(grant.permission);
      anonymousGrantee ??= grant.grantee.type === 'id' ? { type: 'id', id: grant.grantee.id } : grant.grantee;
      continue;
    }
    const k = granteeKeyOf(grant.grantee);
    const row = rows.get(k) ?? { grantee: grant.grantee, permissions: new Set<AclPermission>() };
    row.permissions.add(grant.permission);
    rows.set(k, row);
  }
  const grantees = [...rows.values()].map(({ grantee, permissions }): GranteeDraft => {
    const parsed = parseGrantee(grantee);
    const base = { key: nextKey(), permissions: sortPermissions(permissions) };
    if (parsed.kind === 'root') return { ...base, kind: 'root', rootUin: parsed.rootUin, subUin: '' };
    if (parsed.kind === 'sub') return { ...base, kind: 'sub', rootUin: parsed.rootUin, subUin: parsed.subUin };
    return { ...base, kind: 'other', rootUin: '', subUin: '', raw: grantee };
  });
  return { owner, anonymous: sortPermissions(anonymous), anonymousGrantee: anonymousGrantee ?? { type: 'uri', uri: ALL_USERS_URI }, grantees };
}

/** The grantee a row writes; undefined while its UINs are incomplete. */
export function granteeOf(row: GranteeDraft): AclGrantee | undefined {
  if (row.kind === 'other') return row.raw;
  const root = row.rootUin.trim();
  const sub = row.subUin.trim();
  if (root === '' || (row.kind === 'sub' && sub === '')) return undefined;
  return { type: 'id', id: row.kind === 'root' ? camId(root) : camId(root, sub) };
}

/**
 * The policy to PUT: the owner's FULL_CONTROL first, then anonymous users, then each row, each
 * grantee's permissions in the fixed order. Rows whose grantee is incomplete are left out (the form
 * is not valid then anyway: formProblems).
 */
export function formToPolicy(form: AclForm): AccessControlPolicy & { owner: AclOwner } {
  const grants: AclGrant[] = [{ grantee: { type: 'id', id: form.owner.id }, permission: 'FULL_CONTROL' }];
  for (const p of sortPermissions(form.anonymous)) grants.push({ grantee: form.anonymousGrantee, permission: p });
  for (const row of form.grantees) {
    const grantee = granteeOf(row);
    if (!grantee) continue;
    for (const p of sortPermissions(row.permissions)) grants.push({ grantee, permission: p });
  }
  return { owner: form.owner, grants };
}

/** Whether two policies grant the same (order and display names aside; the owner's FULL_CONTROL is always there). */
export function samePolicy(a: AccessControlPolicy, b: AccessControlPolicy): boolean {
  const set = (p: AccessControlPolicy): string[] => {
    const owner = p.owner ?? { id: '' };
    const keys = p.grants.map((g) => `${granteeKeyOf(g.grantee)} ${g.permission}`);
    keys.push(`id:${owner.id} FULL_CONTROL`);
    return [...new Set(keys)].sort();
  };
  return JSON.stringify(set(a)) === JSON.stringify(set(b));
}

/**
 * The canned ACL the anonymous permissions amount to (cos-local src/cos-local/acl.ts, after
 * cos-js-sdk-v5's suite: public-read is anonymous READ, public-read-write anonymous FULL_CONTROL —
 * READ and WRITE together allow the same objects); `custom` for anything else.
 */
export function cannedOf(anonymous: readonly AclPermission[]): CannedAcl | 'custom' {
  const key = sortPermissions(anonymous).join(',');
  if (key === '') return 'private';
  if (key === 'READ') return 'public-read';
  if (key === 'FULL_CONTROL' || key === 'READ,WRITE') return 'public-read-write';
  return 'custom';
}

/** The anonymous permissions a canned ACL stands for. */
export function anonymousOf(canned: CannedAcl): AclPermission[] {
  return canned === 'private' ? [] : canned === 'public-read' ? ['READ'] : ['FULL_CONTROL'];
}

/** The canned ACLs offered: objects have no WRITE (436/7748 lists default, private, public-read). */
export function cannedChoices(level: AclLevel): readonly CannedAcl[] {
  return level === 'bucket' ? ['private', 'public-read', 'public-read-write'] : ['private', 'public-read'];
}

/** Anonymous permissions `after` has that `before` had not: saving them opens the resource to everyone. */
export function widensPublicAccess(before: readonly AclPermission[], after: readonly AclPermission[]): AclPermission[] {
  const had = new Set(before);
  if (had.has('FULL_CONTROL')) return [];
  return sortPermissions(after.filter((p) => !had.has(p)));
}

export type GranteeProblem = 'rootRequired' | 'rootInvalid' | 'subRequired' | 'subInvalid' | 'subIsRoot' | 'isOwner' | 'duplicate' | 'noPermission';
export type FormProblem = 'tooManyGrants';

/** A UIN: digits, no leading zero (Tencent Cloud account IDs, 5 to 20 digits). */
const UIN = /^[1-9]\d{4,19}$/;

/** What is wrong with each row (in the form's order), by field. */
export function granteeProblems(form: AclForm): { root?: GranteeProblem; sub?: GranteeProblem; row?: GranteeProblem }[] {
  const seen = new Set<string>();
  return form.grantees.map((row) => {
    const out: { root?: GranteeProblem; sub?: GranteeProblem; row?: GranteeProblem } = {};
    if (row.kind !== 'other') {
      const root = row.rootUin.trim();
      const sub = row.subUin.trim();
      if (root === '') out.root = 'rootRequired';
      else if (!UIN.test(root)) out.root = 'rootInvalid';
      if (row.kind === 'sub') {
        if (sub === '') out.sub = 'subRequired';
        else if (!UIN.test(sub)) out.sub = 'subInvalid';
        else if (sub === root) out.sub = 'subIsRoot';
      }
    }
    const grantee = out.root || out.sub ? undefined : granteeOf(row);
    if (grantee) {
      const k = granteeKeyOf(grantee);
      if (grantee.type === 'id' && grantee.id === form.owner.id && row.permissions.includes('FULL_CONTROL')) out.row = 'isOwner';
      else if (seen.has(k)) out.row = 'duplicate';
      seen.add(k);
    }
    if (!out.row && row.permissions.length === 0) out.row = 'noPermission';
    return out;
  });
}

export function formProblems(form: AclForm): FormProblem[] {
  return formToPolicy(form).grants.length > MAX_ACL_GRANTS ? ['tooManyGrants'] : [];
}

export function formIsValid(form: AclForm): boolean {
  return formProblems(form).length === 0 && granteeProblems(form).every((p) => !p.root && !p.sub && !p.row);
}

/** The UIN of the owner (`qcs::cam::uin/<uin>:uin/<uin>`), for display; the ID itself when it is not one. */
export function ownerLabel(owner: AclOwner): string {
  const parsed = parseGrantee({ type: 'id', id: owner.id });
  return parsed.kind === 'root' ? parsed.rootUin : owner.id;
}
