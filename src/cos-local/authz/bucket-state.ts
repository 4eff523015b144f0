// What authorization reads from the store: a bucket's policy, ACL and tags (bucket config rows) and
// an object's own ACL (its record, or the version a `versionId` names). Parsed bucket policies are
// cached by their text: a policy is parsed once, not once per request.
import type { Tag } from '../../shared/policy/context';
import type { Policy } from '../../shared/policy/model';
import { parseAcl, type StoredAcl } from '../acl';
import type { MetaStore } from '../store/types';
import { tagsFromJson } from '../tags';
import { policyOrDenyAll } from './requester';

/** Bucket config names (MetaStore.getConfig). */
export const POLICY_CONFIG = 'policy';
export const ACL_CONFIG = 'acl';
export const TAGGING_CONFIG = 'tagging';

const MAX_CACHED = 256;
const policyCache = new Map<string, Policy>();

/** The bucket policy as the engine reads it; a stored text that no longer parses denies everything. */
export function bucketPolicy(meta: MetaStore, bucket: string): Policy | undefined {
  const text = meta.getConfig(bucket, POLICY_CONFIG);
  if (text === undefined) return undefined;
  let policy = policyCache.get(text);
  if (!policy) {
    if (policyCache.size >= MAX_CACHED) policyCache.clear();
    policy = policyOrDenyAll(text, 'bucket');
    policyCache.set(text, policy);
  }
  return policy;
}

export function bucketAcl(meta: MetaStore, bucket: string): StoredAcl | undefined {
  const text = meta.getConfig(bucket, ACL_CONFIG);
  return text === undefined ? undefined : parseAcl(text);
}

export function bucketTags(meta: MetaStore, bucket: string): Tag[] {
  try {
    return tagsFromJson(meta.getConfig(bucket, TAGGING_CONFIG));
  } catch {
    return []; // unreadable tags match no tag condition
  }
}

/** The object's own ACL (current version, or `versionId`); undefined when it follows the bucket or is absent. */
export function objectAcl(meta: MetaStore, bucket: string, key: string, versionId: string | undefined): StoredAcl | undefined {
  const record = versionId === undefined || versionId === '' ? meta.getObject(bucket, key) : meta.getVersion(bucket, key, versionId);
  return record?.acl === undefined ? undefined : parseAcl(record.acl);
}
