// Condition keys COS understands: seed-digest §1.5 (source and "applies to" columns), plus CAM's
// global `qcs:current_time` (CAM doc 598/58420). CAM keys are case-sensitive (same doc).

export type KeyType = 'string' | 'numeric' | 'bool' | 'ip' | 'date';

export interface ConditionKeyInfo {
  readonly key: string;
  readonly types: readonly KeyType[];
  /** The request can carry several values (tag sets): the only keys for_any/for_all make sense on. */
  readonly multiValued?: true;
  /** `all` = every request; otherwise the COS action names (without `name/cos:`) it is set for. */
  readonly appliesTo: 'all' | readonly string[];
  /** Policy values are written URL-encoded (§12 quirk 7) [seed 000 L2730-2800, L2992-3058]. */
  readonly urlEncoded?: true;
}

const GRANT_ACTIONS = ['PutObject', 'PostObject', 'AppendObject', 'InitiateMultipartUpload', 'PutObjectACL', 'PutBucketACL'];
const LOCK_ACTIONS = ['PutObject', 'InitiateMultipartUpload', 'PutObjectRetention'];

const grant = (h: string): ConditionKeyInfo => ({ key: `cos:x-cos-grant-${h}`, types: ['string'], appliesTo: GRANT_ACTIONS });

export const CONDITION_KEYS: readonly ConditionKeyInfo[] = [
  { key: 'qcs:ip', types: ['ip'], appliesTo: 'all' }, // [seed 000 L2246-2285]
  { key: 'qcs:current_time', types: ['date'], appliesTo: 'all' }, // CAM 598/58420
  { key: 'qcs:resource_tag', types: ['string'], multiValued: true, appliesTo: ['GetService'] }, // [000 L2149-2232]
  // "only applicable to PutBucket and PutBucketTagging" [seed 000 L3154]
  { key: 'qcs:request_tag', types: ['string'], multiValued: true, appliesTo: ['PutBucket', 'PutBucketTagging'] },
  { key: 'cos:versionid', types: ['string'], appliesTo: ['GetObject', 'DeleteObject'] }, // [000 L2290]
  { key: 'cos:content-length', types: ['numeric'], appliesTo: ['PutObject', 'PostObject'] }, // [000 L2517]
  { key: 'cos:content-type', types: ['string'], appliesTo: ['PutObject', 'PostObject'] }, // [000 L2652]
  { key: 'cos:response-content-type', types: ['string'], urlEncoded: true, appliesTo: ['GetObject'] },
  { key: 'cos:secure-transport', types: ['bool'], appliesTo: 'all' }, // [000 L2802]
  { key: 'cos:x-cos-storage-class', types: ['string'], appliesTo: ['PutObject'] }, // [000 L2872]
  { key: 'cos:x-cos-acl', types: ['string'], appliesTo: ['PutObject', 'PutBucket', 'PutObjectACL', 'PutBucketACL'] },
  { key: 'cos:prefix', types: ['string'], urlEncoded: true, appliesTo: ['GetBucket'] }, // [000 L2992]
  { key: 'cos:tls-version', types: ['numeric'], appliesTo: 'all' }, // [000 L3060]
  {
    key: 'cos:x-cos-forbid-overwrite', types: ['string', 'bool'], // [000 L3257-3308]
    appliesTo: ['PutObject', 'InitiateMultipartUpload', 'CompleteMultipartUpload'],
  },
  { key: 'cos:host', types: ['string'], appliesTo: 'all' }, // [000 L3310]
  { key: 'cos:object-lock-mode', types: ['string'], appliesTo: LOCK_ACTIONS }, // [000 L3417]
  { key: 'cos:object-lock-remaining-retention-days', types: ['numeric'], appliesTo: LOCK_ACTIONS },
  { key: 'cos:object-lock-retain-until-date', types: ['date'], appliesTo: LOCK_ACTIONS },
  grant('full-control'), grant('read'), grant('write'), grant('read-acp'), grant('write-acp'), // [000 L3571]
];

const BY_KEY = new Map(CONDITION_KEYS.map((k) => [k.key, k]));

export function conditionKeyInfo(key: string): ConditionKeyInfo | undefined {
  return BY_KEY.get(key);
}

/**
 * A known key this one was probably meant to be: same letters in another case (`Cos:Host`
 * [seed 000 L3312]), or with stray spaces / the `x-cos-` spelling of §12 quirk 10 [seed 000 L3524].
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
