// What a replication configuration must say beyond its XML shape (PUT Bucket replication, 436/19223, and
// the rule description of 436/51185), checked without the store; the op then checks the buckets
// (versioning on both sides, the destination exists, the Role can write it):
// - Role is a CAM principal `qcs::cam::uin/<OwnerUin>:uin/<SubUin>`;
// - at most 1000 rules, "which should apply to the same destination bucket" (COS SDK docs, 436 replication
//   API overview);
// - Status and DeleteMarkerReplication/Status are Enabled or Disabled;
// - prefixes "cannot overlap; otherwise, an error will be returned" (436/51185); an empty prefix covers the
//   whole bucket and so overlaps every other rule;
// - Destination/Bucket is `qcs::cos:<Region>::<BucketName-APPID>` (the C++ SDK sample's
//   `qcs::cos:<Region>:uid/<APPID>:<BucketName-APPID>` is accepted too) or the resource form
//   `qcs:id/0:cos:<Region>:appid/<APPID>:<BucketName>` the SDKs use (see parseDestination);
// - StorageClass names a COS class; archive classes (read only after a restore) are not emulated.
// Codes: where COS documents none, S3's PutBucketReplication answers are followed.
import type { CosErrorCode } from '../errors/cos-error';
import { storageClassKind } from '../cos/storage-class';
import type { ReplicationConfiguration, ReplicationRule } from '../xml/replication';

export interface ReplicationProblem {
  code: CosErrorCode;
  message: string;
}

export const MAX_REPLICATION_RULES = 1000;

export interface DestinationRef {
  region: string;
  bucket: string;
}

const ROLE = /^qcs::cam::uin\/(\d+):uin\/(\d+)$/;
/** `ap-guangzhou`, `ap-beijing-1`, `ap-shanghai-fsi`, the old `cn-south`; not `cos.ap-guangzhou` or `Guangzhou`. */
const REGION = /^[a-z]+(?:-[a-z0-9]+)+$/;
const FULL_NAME = /^([a-z0-9]+(?:-[a-z0-9]+)*)-(\d+)$/;
const SHORT_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type DestinationParse = { ok: true; ref: DestinationRef } | { ok: false; reason: string };

/**
 * Destination/Bucket in either form COS accepts, resolved to the destination's region and full
 * `<BucketName>-<APPID>` name:
 * - `qcs::cos:<Region>::<BucketName-APPID>` (436/19223), or with `uid/<APPID>` in the empty segment, which
 *   must then be the name's APPID;
 * - `qcs:id/0:cos:<Region>:appid/<APPID>:<BucketName>`. Here the last segment is the short name, without
 *   `-<APPID>`: the cos-js-sdk-v5 demo puts `'qcs:id/0:cos:ap-chengdu:appid/' + AppId + ':backup'`, the
 *   Java SDK's sample comment spells the format `qcs:id/0:cos:${dest-region}:appid/${appid}:${bucketname-not-contain-appid}`
 *   with `...:appid/1251668577:moviebak-chongqing`, and the Python SDK's test uses `...:appid/1252448703:replicationsouth`.
 *   So the full name is `<BucketName>-<APPID>`.
 * The string itself is stored and answered as sent; only the copy uses the resolved name.
 */
export function checkDestination(arn: string): DestinationParse {
  const fail = (reason: string): DestinationParse => ({ ok: false, reason });
  const parts = arn.split(':');
  const [qcs, id, service, region, account, name] = parts;
  if (parts.length !== 6 || qcs !== 'qcs' || service !== 'cos' || region === undefined || account === undefined || name === undefined) {
    return fail('expected six colon-separated parts: qcs::cos:<Region>::<BucketName-APPID> or qcs:id/0:cos:<Region>:appid/<APPID>:<BucketName>');
  }
  if (!REGION.test(region)) return fail(`unknown region format: "${region}" (expected e.g. ap-guangzhou)`);
  if (id === '') {
    const m = FULL_NAME.exec(name);
    if (!m?.[2]) return fail(`the bucket must be named <BucketName>-<APPID> in the qcs::cos form: "${name}"`);
    if (account !== '') {
      const uid = /^uid\/(\d+)$/.exec(account)?.[1];
      if (uid === undefined) return fail(`expected an empty segment or uid/<APPID> before the bucket: "${account}"`);
      if (uid !== m[2]) return fail(`wrong APPID: uid/${uid} is not the bucket's APPID ${m[2]}`);
    }
    return { ok: true, ref: { region, bucket: name } };
  }
  if (id !== 'id/0') return fail(`expected qcs::cos or qcs:id/0:cos, not qcs:${id ?? ''}:cos`);
  const appId = /^appid\/(\d+)$/.exec(account)?.[1];
  if (appId === undefined) return fail(`wrong APPID: expected appid/<digits>, not "${account}"`);
  if (!SHORT_NAME.test(name)) return fail(`the bucket name is missing or malformed: "${name}"`);
  return { ok: true, ref: { region, bucket: `${name}-${appId}` } };
}

export function parseDestination(arn: string): DestinationRef | undefined {
  const r = checkDestination(arn);
  return r.ok ? r.ref : undefined;
}

/** The owner and acting UINs of a Role, or undefined when it is not a CAM principal. */
export function parseRole(role: string): { ownerUin: string; uin: string } | undefined {
  const m = ROLE.exec(role.trim());
  return m?.[1] !== undefined && m[2] !== undefined ? { ownerUin: m[1], uin: m[2] } : undefined;
}

const problem = (code: CosErrorCode, message: string): ReplicationProblem => ({ code, message });
const isStatus = (s: string): boolean => s === 'Enabled' || s === 'Disabled';

/** A rule's key for progress and queue rows: its ID, or `#<n>` (1-based position) without one. */
export function ruleKey(rule: ReplicationRule, index: number): string {
  return rule.id ?? `#${index + 1}`;
}

function checkRule(r: ReplicationRule): ReplicationProblem | undefined {
  if (!isStatus(r.status)) return problem('MalformedXML', 'Status must be Enabled or Disabled.');
  if (r.deleteMarkerReplication !== undefined && !isStatus(r.deleteMarkerReplication)) {
    return problem('MalformedXML', 'DeleteMarkerReplication/Status must be Enabled or Disabled.');
  }
  if (r.id !== undefined && r.id.length > 255) return problem('InvalidArgument', 'A rule ID is at most 255 characters long.');
  if (r.priority !== undefined && !/^\d{1,9}$/.test(r.priority)) return problem('InvalidArgument', 'Priority must be a non-negative integer.');
  const dest = checkDestination(r.destination.bucket);
  if (!dest.ok) return problem('InvalidArgument', `Invalid Destination/Bucket ${r.destination.bucket}: ${dest.reason}.`);
  const cls = r.destination.storageClass;
  if (cls !== undefined) {
    const kind = storageClassKind(cls);
    if (kind === 'unknown') return problem('InvalidArgument', `Invalid StorageClass: ${cls}.`);
    if (kind === 'archive') return problem('NotImplemented', `Replicating into ${cls.toUpperCase()} (read after a restore) is not implemented by cos-local.`);
  }
  return undefined;
}

export function validateReplication(config: ReplicationConfiguration): ReplicationProblem | undefined {
  if (!parseRole(config.role)) return problem('InvalidArgument', 'Role must be qcs::cam::uin/<OwnerUin>:uin/<SubUin>.');
  if (config.rules.length > MAX_REPLICATION_RULES) return problem('MalformedXML', `At most ${MAX_REPLICATION_RULES} rules are allowed.`);
  const ids = new Set<string>();
  for (const r of config.rules) {
    const bad = checkRule(r);
    if (bad) return bad;
    if (r.id !== undefined) {
      if (ids.has(r.id)) return problem('InvalidArgument', `Rule ID must be unique: ${r.id}.`);
      ids.add(r.id);
    }
  }
  const destinations = new Set(config.rules.map((r) => JSON.stringify(parseDestination(r.destination.bucket))));
  if (destinations.size > 1) return problem('InvalidArgument', 'All rules must replicate to the same destination bucket.');
  for (let i = 0; i < config.rules.length; i++) {
    for (let j = i + 1; j < config.rules.length; j++) {
      const a = config.rules[i]?.prefix ?? '';
      const b = config.rules[j]?.prefix ?? '';
      if (a.startsWith(b) || b.startsWith(a)) return problem('InvalidArgument', `Rule prefixes overlap: "${a}" and "${b}".`);
    }
  }
  return undefined;
}

/** The enabled rules that replicate a write of `key` (prefixes do not overlap, so at most one). */
export function rulesFor(config: ReplicationConfiguration, key: string): { rule: ReplicationRule; key: string }[] {
  return config.rules
    .map((rule, i) => ({ rule, key: ruleKey(rule, i) }))
    .filter(({ rule }) => rule.status === 'Enabled' && key.startsWith(rule.prefix ?? ''));
}

/** DeleteMarkerReplication/Status defaults to Enabled (436/19223). */
export function replicatesDeleteMarkers(rule: ReplicationRule): boolean {
  return rule.deleteMarkerReplication !== 'Disabled';
}
