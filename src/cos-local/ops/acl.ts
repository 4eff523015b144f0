// PUT/GET Bucket acl (436/7737, 436/7733) and PUT/GET Object acl (436/7748, 436/7744). An ACL comes
// either from the x-cos-acl / x-cos-grant-* headers or from an AccessControlPolicy body, "只能选择其中
// 一种" (one of the two, 436/7737); both, or neither, is 400 InvalidArgument — the code COS's
// error-code spec gives PUT Bucket/Object acl for bad parameters (tencentyun/qcloud-documents
// product/存储与CDN/_Drafts/V1.1.0/错误码梳理/acl&policy.md), a bad body is MalformedXML, a missing
// object or version is answered as GET Object answers it (NoSuchKey, NoSuchVersion). A PUT replaces
// the whole ACL. The body's Owner is not stored: GET always names the bucket's owner (objects belong
// to the root account: tencentcloud 436/30613). `versionId` picks a version of the object.
import { CosError } from '../../shared/errors/cos-error';
import { buildAclXml, parseAclXml } from '../../shared/xml/acl';
import { aclFromHeaders, aclToText, displayedGrants, parseAcl, type AclLevel, type StoredAcl } from '../acl';
import { ACL_CONFIG } from '../authz/bucket-state';
import { readSmallBody } from '../body';
import type { OpContext, OpHandler } from '../context';
import { ownerId } from '../principal';
import { bucketOf, versionIdParam } from './common';
import { findObject } from './object';

type Requested = { readonly kind: 'inherit' } | { readonly kind: 'set'; readonly acl: StoredAcl };

async function requestedAcl(ctx: OpContext, level: AclLevel): Promise<Requested> {
  const fromHeaders = aclFromHeaders(ctx.req.headers, level);
  const body = (await readSmallBody(ctx.req)).toString('utf8');
  const hasBody = body.trim() !== '';
  if (hasBody && fromHeaders.kind !== 'none') {
    throw new CosError('InvalidArgument', { message: 'Set the ACL either with the x-cos-acl / x-cos-grant-* headers or with an XML body, not both.' });
  }
  if (hasBody) {
    const parsed = parseAclXml(body);
    if (!parsed.ok) throw new CosError('MalformedXML', { message: `The AccessControlPolicy is not valid: ${parsed.reason}.` });
    return { kind: 'set', acl: { grants: parsed.value.grants } };
  }
  if (fromHeaders.kind === 'none') {
    throw new CosError('InvalidArgument', { message: 'Set the ACL with at least one x-cos-acl / x-cos-grant-* header, or with an XML body.' });
  }
  return fromHeaders;
}

/** `qcs::cam::uin/<owner>:uin/<owner>` of the bucket's account. */
function bucketOwnerId(ctx: OpContext): string {
  const bucket = bucketOf(ctx);
  const account = ctx.accounts.accountOf(bucket.appId);
  // An account removed from the accounts file after creating the bucket: name its APPID.
  return account ? ownerId(account) : `qcs::cam::uid/${bucket.appId}`;
}

export const putBucketAcl: OpHandler = async (ctx) => {
  const bucket = bucketOf(ctx);
  const acl = await requestedAcl(ctx, 'bucket');
  // 'inherit' is object-only; aclFromHeaders refuses `default` on a bucket.
  if (acl.kind === 'set') ctx.store.meta.putConfig(bucket.name, ACL_CONFIG, aclToText(acl.acl));
  return {};
};

export const getBucketAcl: OpHandler = async (ctx) => {
  const text = ctx.store.meta.getConfig(bucketOf(ctx).name, ACL_CONFIG);
  const owner = bucketOwnerId(ctx);
  return { xml: buildAclXml({ owner: { id: owner }, grants: displayedGrants(text === undefined ? undefined : parseAcl(text), owner) }) };
};

export const putObjectAcl: OpHandler = async (ctx) => {
  const bucket = bucketOf(ctx);
  const acl = await requestedAcl(ctx, 'object');
  findObject(ctx); // NoSuchKey / NoSuchVersion / a delete marker, as GET Object answers them
  const patch = { acl: acl.kind === 'set' ? aclToText(acl.acl) : null };
  if (!ctx.store.meta.updateObject(bucket.name, ctx.route.key, versionIdParam(ctx), patch)) throw new CosError('NoSuchKey');
  return {};
};

export const getObjectAcl: OpHandler = async (ctx) => {
  const record = findObject(ctx);
  const owner = bucketOwnerId(ctx);
  const xml = buildAclXml({ owner: { id: owner }, grants: displayedGrants(record.acl === undefined ? undefined : parseAcl(record.acl), owner) });
  // An object that follows its bucket says so: the SDKs take `x-cos-acl` from a GET acl response
  // over the grants (cos-nodejs-sdk-v5 getObjectAcl), and its suite accepts `default`.
  return record.acl === undefined ? { xml, headers: { 'x-cos-acl': 'default' } } : { xml };
};
