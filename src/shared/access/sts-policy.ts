// Session policies for temporary keys (docs/security.md), built by the least-privilege rules of COS's
// security guide for front-end temporary keys
// (https://www.tencentcloud.com/document/product/436/35265): exact actions only, never `name/cos:*`
// (bad example 2); one statement per action/resource pair (bad example 3); resources no wider than the
// requester's grant (bad examples 1 and 4: whoever issues a key must check that the requester may use
// the scope asked for); upload limits as conditions
// (https://www.tencentcloud.com/document/product/436/73579). Every policy is then linted by
// checkLeastPrivilege.
//
// Four policies come from here:
// - taskPolicy: POST /api/sts — keys for a declared task (bucket, prefix, actions) handed to the browser;
// - grantsPolicy: the key the server signs with for a restricted console account (never leaves the
//   server; a second line of defence behind the grant check, see src/server/routes/sign.ts);
// - sharePolicy: the key behind one share link (GetObject/HeadObject on one object);
// - boundPolicy: the key an unbound (path-style) signature is made with: one action in one bucket
//   (docs/security.md "Signatures bound to their bucket").
import { camActionOf, type CosOperation } from '../cos/operations';
import { cosActionInfo } from '../policy/action';
import type { Condition, Policy, Statement } from '../policy/model';
import { toPolicyJson, type PolicyJson } from '../policy/serialize';
import { checkLeastPrivilege } from '../policy/session-policy';
import { camSafeUrlEncode } from '../signature/encode';
import type { Grant, Permission, Scope } from './grants';
import { checkRequirements, grantCovers, SIGN_RULES, type Requirement, type SignRule } from './request-scope';

/** How far the resource of an action can be narrowed to a prefix. */
export type Narrowing =
  /** Object actions: resource `<bucket>/<prefix>*`. */
  | 'key'
  /** GET Bucket: resource `<bucket>/`, condition `cos:prefix` (tencentcloud 436/46206). */
  | 'prefix-condition'
  /** Bucket actions whose answer discloses no key (HEAD Bucket): any grant in the bucket. */
  | 'bucket-any'
  /**
   * Listings we do not narrow to a prefix (ListMultipartUploads, GetBucketObjectVersions: the
   * `cos:prefix` examples of tencentcloud 436/46206 cover GET Bucket only, and we have not verified the
   * conditions table of 436/46205, which lists them too): their resource is the bucket, so a
   * temporary key for them needs a grant on the whole bucket. Per-request signing (/api/sign) checks
   * their `prefix` parameter instead.
   */
  | 'bucket-listing'
  /** Bucket settings: a grant on the whole bucket. */
  | 'whole-bucket';

export interface StsActionRule {
  /** Any one of them suffices. */
  readonly permissions: readonly Permission[];
  readonly narrowing: Narrowing;
}

function narrowingOf(op: CosOperation, rule: Exclude<SignRule, { kind: 'admin' }>): Narrowing {
  if (op === 'GetBucket') return 'prefix-condition';
  // POST Object's key comes from the form, and COS checks it against the resource (436/14690).
  if (op === 'PostObject') return 'key';
  switch (rule.kind) {
    case 'key': return 'key';
    case 'listing': return 'bucket-listing';
    case 'in-bucket': return 'bucket-any';
    case 'whole-bucket': return 'whole-bucket';
  }
}

/**
 * The actions a temporary key may carry, derived from the signing rules so the two paths grant the
 * same things. DELETE Multiple Objects is authorized by COS as DeleteObject on each key
 * (tencentcloud 436/30580), so it is not an action of its own here; copies are PutObject (+ GetObject
 * on the source).
 */
export const STS_ACTIONS: ReadonlyMap<string, StsActionRule> = (() => {
  const out = new Map<string, StsActionRule>();
  for (const [op, rule] of Object.entries(SIGN_RULES) as [CosOperation, SignRule][]) {
    if (rule.kind === 'admin' || op === 'DeleteMultipleObjects') continue;
    const action = camActionOf(op);
    if (!out.has(action)) out.set(action, { permissions: rule.permissions, narrowing: narrowingOf(op, rule) });
  }
  return out;
})();

/** Uploads that cannot carry `cos:content-length`/`cos:content-type` (those keys apply to PutObject and PostObject only: condition-keys.ts). */
const UNLIMITABLE_UPLOADS = ['InitiateMultipartUpload', 'UploadPart', 'CompleteMultipartUpload', 'AppendObject'].map((a) => `name/cos:${a}`);
const LIMITABLE_UPLOADS = new Set(['name/cos:PutObject', 'name/cos:PostObject']);
/** Uploads that can set an object ACL with headers (the requests `cos:x-cos-grant-*` applies to: condition-keys.ts). */
const ACL_SETTING_UPLOADS = new Set(['name/cos:PutObject', 'name/cos:PostObject', 'name/cos:AppendObject', 'name/cos:InitiateMultipartUpload']);
const GRANT_HEADERS = ['full-control', 'read', 'write', 'read-acp', 'write-acp'];

const cond = (operator: Condition['operator'], k: string, values: string[], ifExist = false): Condition =>
  ({ operator, key: k, values, ifExist, ignoreCase: false });

/**
 * For someone without `settings`: an upload must not set a public ACL through headers. `cos:x-cos-acl`
 * applies to PutObject; `cos:x-cos-grant-*` to every ACL-setting upload (tencentcloud 436/46206). (A multipart
 * upload's `x-cos-acl` cannot be conditioned: that key does not apply to InitiateMultipartUpload.)
 */
function aclGuard(action: string): Condition[] {
  if (!ACL_SETTING_UPLOADS.has(action)) return [];
  return [
    ...(action === 'name/cos:PutObject' ? [cond('string_equal', 'cos:x-cos-acl', ['private', 'default'], true)] : []),
    ...GRANT_HEADERS.map((h) => cond('null_equal', `cos:x-cos-grant-${h}`, ['true'])),
  ];
}

const appIdOf = (bucket: string): string => bucket.slice(bucket.lastIndexOf('-') + 1);
const bucketResource = (region: string, bucket: string): string => `qcs::cos:${region}:uid/${appIdOf(bucket)}:${bucket}/`;
/** `*` is the only wildcard of resources (glob.ts): a literal `*` in a prefix would widen it, so it is cut there. */
const keyResource = (region: string, bucket: string, prefix: string): string => {
  const star = prefix.indexOf('*');
  return `${bucketResource(region, bucket)}${star < 0 ? prefix : prefix.slice(0, star)}*`;
};

interface Pair { action: string; resource: string; conditions: Condition[] }

/** The resource (and condition) of one action narrowed to a prefix. */
function pairFor(action: string, narrowing: Narrowing, region: string, bucket: string, prefix: string): Pair {
  switch (narrowing) {
    case 'key':
      return { action, resource: keyResource(region, bucket, prefix), conditions: [] };
    case 'prefix-condition':
      // Policy values of cos:prefix are URL-encoded (docs/cos-behaviour.md trap 7); the encoding
      // turns a literal `*` into %2A, so only the final `*` is a wildcard.
      return { action, resource: bucketResource(region, bucket), conditions: prefix === '' ? [] : [cond('string_like', 'cos:prefix', [`${camSafeUrlEncode(prefix)}*`])] };
    default:
      return { action, resource: bucketResource(region, bucket), conditions: [] };
  }
}

export type PolicyResult =
  | { ok: true; policy: Policy; json: PolicyJson }
  | { ok: false; status: 400 | 403; code: 'InvalidTask' | 'Forbidden'; message: string };

function finish(statements: Statement[]): PolicyResult {
  const policy: Policy = { version: '2.0', statements };
  const lints = checkLeastPrivilege(policy);
  if (lints.length > 0) return { ok: false, status: 400, code: 'InvalidTask', message: lints.map((l) => l.message).join('; ') };
  return { ok: true, policy, json: toPolicyJson(policy, { withPrincipal: false }) };
}

// ---------------------------------------------------------------------------------------------

export interface StsTask {
  /** `<name>-<appid>` */
  readonly bucket: string;
  readonly region: string;
  /** Key prefix, '' for the whole bucket; no leading `/`, no `*`. */
  readonly prefix: string;
  /** Exact CAM actions, `name/cos:PutObject`. */
  readonly actions: readonly string[];
  /** Upload limit in bytes: `numeric_less_than_equal cos:content-length` (tencentcloud 436/46206). */
  readonly maxSize?: number;
  /** Allowed content types (`image/*`): `string_like cos:content-type` (tencentcloud 436/73579). */
  readonly contentTypes?: readonly string[];
}

const BUCKET = /^[a-z0-9][a-z0-9-]*-\d+$/;
const REGION = /^[a-z0-9-]+$/;
const CONTENT_TYPE = /^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+*-]+$/;

/** What a grant must cover for one action of a task. */
function taskRequirement(rule: StsActionRule, bucket: string, prefix: string): Requirement {
  switch (rule.narrowing) {
    case 'key':
    case 'prefix-condition':
      return { permissions: rule.permissions, bucket, path: prefix };
    case 'bucket-any':
      return { permissions: rule.permissions, bucket };
    case 'bucket-listing':
      return { permissions: rule.permissions, bucket, path: '', why: 'COS cannot narrow this listing to a prefix; /api/sign can' };
    case 'whole-bucket':
      return { permissions: rule.permissions, bucket, path: '', why: 'a bucket setting applies to the whole bucket' };
  }
}

/**
 * The policy of temporary keys for a task. `access` is the console account's scope; undefined for an
 * API-key session, whose own key already bounds what the temporary key can do (COS intersects them).
 */
export function taskPolicy(task: StsTask, access?: Scope): PolicyResult {
  const bad = (message: string): PolicyResult => ({ ok: false, status: 400, code: 'InvalidTask', message });
  if (!BUCKET.test(task.bucket)) return bad(`"${task.bucket}" is not a bucket name (name-appid)`);
  if (!REGION.test(task.region)) return bad(`"${task.region}" is not a region`);
  if (task.prefix.startsWith('/') || task.prefix.includes('*')) return bad('prefix is a key prefix: no leading / and no *');
  if (task.actions.length === 0) return bad('actions must name at least one action');
  const actions = [...new Set(task.actions)];
  for (const a of actions) {
    if (a.includes('*')) return bad(`"${a}": temporary keys name exact actions, never a wildcard`);
    if (!STS_ACTIONS.has(a)) return bad(`"${a}" is not an action temporary keys can carry (${[...STS_ACTIONS.keys()].join(', ')})`);
  }
  const limits: Condition[] = [];
  if (task.maxSize !== undefined) {
    if (!Number.isSafeInteger(task.maxSize) || task.maxSize < 0) return bad('maxSize must be a whole number of bytes');
    limits.push(cond('numeric_less_than_equal', 'cos:content-length', [String(task.maxSize)]));
  }
  if (task.contentTypes !== undefined) {
    const wrong = task.contentTypes.find((t) => !CONTENT_TYPE.test(t));
    if (task.contentTypes.length === 0 || wrong !== undefined) return bad(`contentTypes must be media types like image/png or image/*${wrong ? `, not "${wrong}"` : ''}`);
    limits.push(cond('string_like', 'cos:content-type', [...task.contentTypes]));
  }
  if (limits.length > 0) {
    const unlimitable = actions.find((a) => UNLIMITABLE_UPLOADS.includes(a));
    if (unlimitable) return bad(`${unlimitable} cannot carry a size or type limit (only PutObject and PostObject can); ask for those alone`);
  }

  let guardAcl = false;
  if (access && access.kind === 'grants') {
    const requirements = actions.map((a) => taskRequirement(STS_ACTIONS.get(a) as StsActionRule, task.bucket, task.prefix));
    const check = checkRequirements(access, requirements);
    if (!check.allowed) return { ok: false, status: 403, code: 'Forbidden', message: `The task needs ${check.missing}.` };
    guardAcl = !access.grants.some((g) => grantCovers(g, { permissions: ['settings'], bucket: task.bucket, path: task.prefix }));
  }

  const statements = actions.map((a): Statement => {
    const pair = pairFor(a, (STS_ACTIONS.get(a) as StsActionRule).narrowing, task.region, task.bucket, task.prefix);
    const conditions = [...pair.conditions, ...(LIMITABLE_UPLOADS.has(a) ? limits : []), ...(guardAcl ? aclGuard(a) : [])];
    return { effect: 'allow', actions: [a], resources: [pair.resource], conditions };
  });
  return finish(statements);
}

/**
 * The policy of the key the server signs with for a restricted console account: everything its
 * grants allow in one region, and nothing else. Actions sharing a resource and conditions share a
 * statement (the policy travels in every request's token, so it is kept small); bucket-wide listings
 * (ListMultipartUploads, GetBucketObjectVersions) are included for any list grant because the
 * signing check has already narrowed them to the grant's prefix, and this key never leaves the server.
 */
export function grantsPolicy(grants: readonly Grant[], region: string): PolicyResult {
  if (!REGION.test(region)) return { ok: false, status: 400, code: 'InvalidTask', message: `"${region}" is not a region` };
  const groups = new Map<string, { resource: string; conditions: Condition[]; actions: string[] }>();
  const add = (pair: Pair): void => {
    const id = JSON.stringify([pair.resource, pair.conditions]);
    const group = groups.get(id) ?? { resource: pair.resource, conditions: pair.conditions, actions: [] };
    if (!group.actions.includes(pair.action)) group.actions.push(pair.action);
    groups.set(id, group);
  };
  for (const g of grants) {
    const settingsGrants = grants.filter((h) => h.bucket === g.bucket && h.permissions.includes('settings'));
    // Settings over this whole grant (its own, or a wider grant's): its uploads may set ACLs.
    const settings = settingsGrants.some((h) => g.prefix.startsWith(h.prefix));
    for (const [action, rule] of STS_ACTIONS) {
      if (!rule.permissions.some((p) => g.permissions.includes(p))) continue;
      if (rule.narrowing === 'whole-bucket' && g.prefix !== '') continue;
      const pair = pairFor(action, rule.narrowing, region, g.bucket, g.prefix);
      const guard = settings ? [] : aclGuard(action);
      add({ ...pair, conditions: [...pair.conditions, ...guard] });
      // Settings over part of it (a narrower grant): uploads there may set ACLs.
      if (guard.length > 0) {
        for (const h of settingsGrants) if (h.prefix.startsWith(g.prefix)) add(pairFor(action, rule.narrowing, region, g.bucket, h.prefix));
      }
    }
  }
  return finish([...groups.values()].map((s): Statement => ({ effect: 'allow', actions: s.actions, resources: [s.resource], conditions: s.conditions })));
}

/** The key behind one share link: read that one object, nothing else. */
export function sharePolicy(bucket: string, region: string, key: string): PolicyResult {
  const resource = `${bucketResource(region, bucket)}${key}`;
  return finish(['name/cos:GetObject', 'name/cos:HeadObject'].map((a): Statement => ({ effect: 'allow', actions: [a], resources: [resource], conditions: [] })));
}

/**
 * The key a signature whose Host does not name its bucket (path-style) is made with, so that it
 * works in that bucket only: `action` on the bucket (bucket actions) or on its objects (object
 * actions), plus GetObject on the source of a copy. The signature itself covers the object key, so
 * the key need not be narrower than the bucket to bind the request. Service actions have no bucket
 * to bind to and are refused.
 */
export function boundPolicy(bucket: string, region: string, action: string, copySource?: { bucket: string; region?: string; key: string }): PolicyResult {
  const bad = (message: string): PolicyResult => ({ ok: false, status: 400, code: 'InvalidTask', message });
  if (!BUCKET.test(bucket)) return bad(`"${bucket}" is not a bucket name (name-appid)`);
  if (!REGION.test(region)) return bad(`"${region}" is not a region`);
  const info = cosActionInfo(action);
  if (!info || info.level === 'service') return bad(`"${action}" is not a bucket or object action`);
  const statements: Statement[] = [{
    effect: 'allow', actions: [action], conditions: [],
    resources: [info.level === 'bucket' ? bucketResource(region, bucket) : `${bucketResource(region, bucket)}*`],
  }];
  if (copySource) {
    if (!BUCKET.test(copySource.bucket)) return bad(`"${copySource.bucket}" is not a bucket name (name-appid)`);
    // `*` is a wildcard in a resource (glob.ts): a literal one would widen the read to other keys.
    if (copySource.key.includes('*')) return bad('a copy source key containing * cannot be named exactly in a policy');
    statements.push({ effect: 'allow', actions: ['name/cos:GetObject'], conditions: [], resources: [`${bucketResource(copySource.region ?? region, copySource.bucket)}${copySource.key}`] });
  }
  return finish(statements);
}
