// The single authorization decision point (docs/cos-behaviour.md "Accounts" and "Authorization"):
// the shared policy engine (src/shared/policy/authorize.ts) fed with what this request and the store
// say — the requester (root, sub-user with its CAM policies, temporary key with its session policy,
// anonymous), the owner (the account whose APPID ends the bucket name), the bucket policy
// (PUT Bucket policy, 436/8282), the bucket or object ACL (436/7737, 436/7748) and the condition
// keys of the request (condition-keys.ts). Evaluation order and its sources are in the engine.
// A refusal is 403 AccessDenied (436/7730).
import type { IncomingMessage } from 'node:http';
import { CosError } from '../shared/errors/cos-error';
import { authorize as evaluate, type AuthorizeDecision } from '../shared/policy/authorize';
import { buildContext, type Tag } from '../shared/policy/context';
import type { ResourceRef as EngineResource } from '../shared/policy/model';
import { rootPrincipal } from '../shared/policy/principal';
import { aclAllows, aclRuleOf } from './authz/acl-rules';
import { bucketAcl, bucketPolicy, bucketTags, objectAcl } from './authz/bucket-state';
import { requestFacts } from './authz/request-facts';
import { requesterOf } from './authz/requester';
import type { OpContext, Services } from './context';
import { camAction, type OpId } from './dispatch';
import type { Principal } from './principal';
import type { RequestQuery } from './query';
import type { Route } from './route';
import type { BucketRecord } from './store/types';

export interface ResourceRef {
  /** APPID owning the resource (the bucket name's suffix); undefined for service-level actions. */
  appId?: string;
  bucket?: string;
  region?: string;
  key?: string;
}

/** `qcs::cos:<region>:uid/<appid>:<bucket>/<key>` — the CAM resource name policies match. */
export function resourceName(r: ResourceRef): string {
  if (r.bucket === undefined || r.appId === undefined) return '*';
  return `qcs::cos:${r.region ?? ''}:uid/${r.appId}:${r.bucket}/${r.key ?? ''}`;
}

/** One request as authorization sees it. */
export interface AuthzRequest extends Services {
  req: IncomingMessage;
  route: Route;
  principal: Principal;
  op: OpId;
  /** The addressed bucket when it exists (PUT Bucket: usually not yet). */
  bucket: BucketRecord | undefined;
}

/** GET Service by tag passes the one tag it asks for as `tagkey`/`tagvalue` (tencentcloud 436/30931). */
function tagsOfQuery(query: RequestQuery): Tag[] | undefined {
  const key = query.get('tagkey');
  return key === undefined ? undefined : [{ key, value: query.get('tagvalue') ?? '' }];
}

function engineResource(r: ResourceRef): EngineResource {
  if (r.bucket === undefined || r.appId === undefined) return { service: true };
  const base = { region: r.region ?? '', appId: r.appId, bucket: r.bucket };
  return r.key ? { ...base, key: r.key } : base;
}

/** What a second check knows better than the request line: see allowedOn. */
export interface CheckOverrides {
  /**
   * The version addressed instead of the request's `versionId` ('' = the current one): its ACL counts
   * and it is `cos:versionid` (a copy source names it in a header, a batch-delete entry in the body).
   */
  versionId?: string;
  /** The tags the request sets when they are not in `x-cos-tagging` (PUT Bucket tagging's XML body). */
  requestTags?: readonly Tag[];
}

/** The decision for one operation on one resource. */
export function decide(r: AuthzRequest, resource: ResourceRef, overrides: CheckOverrides = {}): AuthorizeDecision {
  const { requestTags } = overrides;
  const query = overrides.versionId === undefined ? r.route.query
    : r.route.query.with({ versionId: overrides.versionId === '' ? undefined : overrides.versionId });
  const who = requesterOf(r.principal);
  const target = engineResource(resource);
  const ownerUin = 'service' in target ? (who.rootUin ?? '') : (r.accounts.accountOf(target.appId)?.uin ?? '');
  const action = camAction(r.op);
  const meta = r.store.meta;
  const name = r.bucket?.name;
  const resourceTags = 'service' in target ? tagsOfQuery(r.route.query) : name !== undefined ? bucketTags(meta, name) : undefined;
  const facts = {
    ...requestFacts({ req: r.req, query, action, nowMs: r.clock.now(), ...(resourceTags ? { resourceTags } : {}) }),
    ...(requestTags ? { requestTags } : {}),
  };
  const rootOwner = who.requester.kind === 'root' && who.requester.uin === ownerUin;
  let acl = false;
  if (!rootOwner && name !== undefined && !('service' in target)) {
    // A sub-user of another account is granted through its root (the engine then also requires its
    // own root's CAM policy: docs/cos-behaviour.md evaluation step 4, tencentcloud 436/32971).
    const crossAccountSub = who.requester.kind === 'sub' && who.rootUin !== ownerUin;
    const ids = crossAccountSub && who.rootUin !== undefined ? [...who.aclIds, rootPrincipal(who.rootUin)] : who.aclIds;
    const objectLevel = aclRuleOf(r.op)?.level === 'object' && target.key !== undefined;
    const version = query.get('versionId');
    acl = aclAllows({
      op: r.op, ids, bucketAcl: bucketAcl(meta, name),
      objectAcl: objectLevel && target.key !== undefined ? objectAcl(meta, name, target.key, version) : undefined,
    });
  }
  const policy = name !== undefined ? bucketPolicy(meta, name) : undefined;
  return evaluate({
    requester: who.requester,
    ownerUin,
    identityPolicies: who.identityPolicies,
    ...(policy ? { bucketPolicy: policy } : {}),
    ...(who.sessionPolicy ? { sessionPolicy: who.sessionPolicy } : {}),
    aclAllows: acl,
    action,
    resource: target,
    context: buildContext(facts),
  });
}

/**
 * Throws AccessDenied unless the request may run. CORS preflights need no identity (436/8288).
 * (Operations that authorize themselves — POST Object, DELETE Multiple Objects — are marked
 * `selfAuthorized` in ops/registry.ts and call enforce / enforceOn with what they learn.)
 */
export function enforce(r: AuthzRequest, resource: ResourceRef): void {
  if (r.op === 'OptionsObject') return;
  if (decide(r, resource).effect === 'allow') return;
  if (listsWithinPrefix(r, resource)) return;
  throw new CosError('AccessDenied');
}

/**
 * List Multipart Uploads confined by `prefix` is also allowed where the requester may act on that
 * prefix as a key. COS's own policy samples grant multipart upload "only for objects under doc/"
 * with `name/cos:ListMultipartUploads` on `…/examplebucket-1250000000/doc/*` (tencentcloud 436/30580,
 * "Multipart upload"), and the SDKs' resumable upload lists with `prefix=<the key>` before it initiates
 * (cos-nodejs-sdk-v5 sliceUploadFile): a temporary key scoped to a folder must be able to resume.
 * Without a prefix the bucket resource is needed (tencentcloud 436/30580, "Querying multipart upload").
 */
function listsWithinPrefix(r: AuthzRequest, resource: ResourceRef): boolean {
  if (r.op !== 'ListMultipartUploads' || resource.bucket === undefined) return false;
  const prefix = r.route.query.get('prefix');
  return prefix !== undefined && prefix !== '' && decide(r, { ...resource, key: prefix }).effect === 'allow';
}

/**
 * A second check an operation makes: on another resource with another action — the source of a copy
 * (GetObject on it), each key of DELETE Multiple Objects (DeleteObject on each key; both: tencentcloud
 * 436/30580; a refused key is an AccessDenied entry of the result, 436/8289) — or with facts only its
 * body holds: PUT Bucket tagging's tags for `qcs:request_tag` (tencentcloud 436/46206).
 */
export interface CheckTarget extends CheckOverrides {
  bucket: BucketRecord;
  key?: string;
}

export function allowedOn(ctx: OpContext, op: OpId, target: CheckTarget): boolean {
  const resource: ResourceRef = { appId: target.bucket.appId, bucket: target.bucket.name, region: target.bucket.region, ...(target.key !== undefined ? { key: target.key } : {}) };
  return decide({ ...ctx, op, bucket: target.bucket }, resource, { ...target, versionId: target.versionId ?? '' }).effect === 'allow';
}

/** allowedOn, or AccessDenied. */
export function enforceOn(ctx: OpContext, op: OpId, target: CheckTarget): void {
  if (!allowedOn(ctx, op, target)) throw new CosError('AccessDenied');
}
