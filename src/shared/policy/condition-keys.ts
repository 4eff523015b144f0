// Condition keys COS understands and the requests each applies to: the conditions table
// https://www.tencentcloud.com/document/product/436/46205 and the examples of
// https://www.tencentcloud.com/document/product/436/46206 (one section per key, titled by
// the key), plus CAM's global `qcs:current_time` (CAM doc 598/58420). CAM keys are case-sensitive
// (same doc). Summary and our choices: docs/cos-behaviour.md "Condition keys".

export type KeyType = 'string' | 'numeric' | 'bool' | 'ip' | 'date';

export interface ConditionKeyInfo {
  readonly key: string;
  readonly types: readonly KeyType[];
  /** The request can carry several values (tag sets): the only keys for_any/for_all make sense on. */
  readonly multiValued?: true;
  /** `all` = every request; otherwise the COS action names (without `name/cos:`) it is set for. */
  readonly appliesTo: 'all' | readonly string[];
  /**
   * Policy values are written URL-encoded (the `cos:prefix` and `cos:response-content-type`
   * sections of tencentcloud 436/46206; docs/cos-behaviour.md "Traps in the policy documentation" 7).
   */
  readonly urlEncoded?: true;
}

const GRANT_ACTIONS = ['PutObject', 'PostObject', 'AppendObject', 'InitiateMultipartUpload', 'PutObjectACL', 'PutBucketACL'];
const LOCK_ACTIONS = ['PutObject', 'InitiateMultipartUpload', 'PutObjectRetention'];

const grant = (h: string): ConditionKeyInfo => ({ key: `cos:x-cos-grant-${h}`, types: ['string'], appliesTo: GRANT_ACTIONS });

export const CONDITION_KEYS: readonly ConditionKeyInfo[] = [
  { key: 'qcs:ip', types: ['ip'], appliesTo: 'all' },
  { key: 'qcs:current_time', types: ['date'], appliesTo: 'all' }, // CAM 598/58420
  { key: 'qcs:resource_tag', types: ['string'], multiValued: true, appliesTo: ['GetService'] }, // GET Service by tag: https://www.tencentcloud.com/document/product/436/30931
  // Set only by PUT Bucket and PUT Bucket tagging (tencentcloud 436/46206, `qcs:request_tag`), not by object tagging.
  { key: 'qcs:request_tag', types: ['string'], multiValued: true, appliesTo: ['PutBucket', 'PutBucketTagging'] },
  { key: 'cos:versionid', types: ['string'], appliesTo: ['GetObject', 'DeleteObject'] },
  { key: 'cos:content-length', types: ['numeric'], appliesTo: ['PutObject', 'PostObject'] },
  { key: 'cos:content-type', types: ['string'], appliesTo: ['PutObject', 'PostObject'] },
  { key: 'cos:response-content-type', types: ['string'], urlEncoded: true, appliesTo: ['GetObject'] },
  { key: 'cos:secure-transport', types: ['bool'], appliesTo: 'all' },
  { key: 'cos:x-cos-storage-class', types: ['string'], appliesTo: ['PutObject'] },
  { key: 'cos:x-cos-acl', types: ['string'], appliesTo: ['PutObject', 'PutBucket', 'PutObjectACL', 'PutBucketACL'] },
  { key: 'cos:prefix', types: ['string'], urlEncoded: true, appliesTo: ['GetBucket'] },
  { key: 'cos:tls-version', types: ['numeric'], appliesTo: 'all' },
  {
    key: 'cos:x-cos-forbid-overwrite', types: ['string', 'bool'],
    appliesTo: ['PutObject', 'InitiateMultipartUpload', 'CompleteMultipartUpload'],
  },
  { key: 'cos:host', types: ['string'], appliesTo: 'all' },
  { key: 'cos:object-lock-mode', types: ['string'], appliesTo: LOCK_ACTIONS },
  { key: 'cos:object-lock-remaining-retention-days', types: ['numeric'], appliesTo: LOCK_ACTIONS },
  { key: 'cos:object-lock-retain-until-date', types: ['date'], appliesTo: LOCK_ACTIONS },
  grant('full-control'), grant('read'), grant('write'), grant('read-acp'), grant('write-acp'), // tencentcloud 436/46206, ACL headers
];

const BY_KEY = new Map(CONDITION_KEYS.map((k) => [k.key, k]));

export function conditionKeyInfo(key: string): ConditionKeyInfo | undefined {
  return BY_KEY.get(key);
}

/**
 * A known key this one was probably meant to be: same letters in another case (`Cos:Host`, as a
 * heading of tencentcloud 436/46206 writes it), or with stray spaces / the `x-cos-` spelling of
 * the retention-days table (docs/cos-behaviour.md "Traps in the policy documentation" 10).
 */
export function suggestConditionKey(key: string): string | undefined {
  const squashed = key.replace(/\s+/g, '').toLowerCase();
  for (const k of CONDITION_KEYS) {
    if (k.key === squashed || k.key === squashed.replace('cos:x-cos-object-lock', 'cos:object-lock')) return k.key;
  }
  return undefined;
}

/** Does `key` apply to the COS action (short name, e.g. `GetObject`)? */
export function keyAppliesTo(info: ConditionKeyInfo, shortAction: string): boolean {
  return info.appliesTo === 'all' || info.appliesTo.includes(shortAction);
}
