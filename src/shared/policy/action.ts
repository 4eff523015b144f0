// COS action names and action matching. Names: seed-digest §1.8 [seed 000 L848-1689]; the bucket
// settings the seeds leave out come from §13 and the CAM API list (tencentcloud 598/57092), and
// `GetBucketObjectVersions` from the preset QcloudCOSDataFullControl policy (tencentcloud 436/45236).
import { globMatch } from './glob';
import { CONDITION_KEYS, keyAppliesTo } from './condition-keys';

export type ActionLevel = 'service' | 'bucket' | 'object';

export interface CosActionInfo {
  /** Canonical form, `name/cos:<Api>`; `action` is case-sensitive [seed 000 L360]. */
  readonly name: string;
  readonly level: ActionLevel;
  /** Condition keys (§1.5 "Applies to") a request of this action can carry, global keys included. */
  readonly conditionKeys: readonly string[];
  /** `seed` = named in the seeds; `docs` = official COS/CAM pages only (§13), not seed-verified. */
  readonly source: 'seed' | 'docs';
}

const SEED: Record<ActionLevel, readonly string[]> = {
  service: ['GetService'],
  bucket: [
    'PutBucket', 'HeadBucket', 'GetBucket', 'DeleteBucket', 'PutBucketACL', 'GetBucketACL',
    'PutBucketCORS', 'GetBucketCORS', 'DeleteBucketCORS', 'PutBucketLifecycle', 'GetBucketLifecycle',
    'DeleteBucketLifecycle', 'ListMultipartUploads', 'PutBucketTagging',
  ],
  object: [
    'PutObject', 'PostObject', 'AppendObject', 'HeadObject', 'GetObject', 'OptionsObject', 'PutObjectACL',
    'GetObjectACL', 'PostObjectRestore', 'DeleteObject', 'InitiateMultipartUpload', 'ListParts',
    'UploadPart', 'CompleteMultipartUpload', 'AbortMultipartUpload', 'PutObjectRetention', 'PutObjectTagging',
    // §12 quirk 15: Sample 3 names UploadPartCopy [seed 000 L629]; the API page uses PutObject. Keep both.
    'UploadPartCopy',
  ],
};

const DOCS_BUCKET = [
  'PutBucketPolicy', 'GetBucketPolicy', 'DeleteBucketPolicy', 'PutBucketReferer', 'GetBucketReferer',
  'PutBucketWebsite', 'GetBucketWebsite', 'DeleteBucketWebsite', 'PutBucketReplication',
  'GetBucketReplication', 'DeleteBucketReplication', 'PutBucketVersioning', 'GetBucketVersioning',
  'PutBucketDomain', 'GetBucketDomain', 'DeleteBucketDomain', 'GetBucketTagging', 'DeleteBucketTagging',
  'GetBucketObjectVersions',
];

function info(api: string, level: ActionLevel, source: 'seed' | 'docs'): CosActionInfo {
  const conditionKeys = CONDITION_KEYS.filter((k) => keyAppliesTo(k, api)).map((k) => k.key);
  return { name: `name/cos:${api}`, level, conditionKeys, source };
}

/** Every COS action this engine knows, for the console's policy generator and for lint. */
export const COS_ACTIONS: readonly CosActionInfo[] = [
  ...(['service', 'bucket', 'object'] as const).flatMap((level) => SEED[level].map((a) => info(a, level, 'seed'))),
  ...DOCS_BUCKET.map((a) => info(a, 'bucket', 'docs')),
];

const BY_NAME = new Map(COS_ACTIONS.map((a) => [a.name, a]));

/**
 * `name/cos:GetObject` and `cos:GetObject` are the same action: the seeds and the official
 * cross-account page use the bare form [seed 000 L623-640, L3756; tencentcloud 436/32971].
 */
export function canonicalAction(action: string): string {
  return action.startsWith('name/') ? action.slice(5) : action;
}

export function cosActionInfo(action: string): CosActionInfo | undefined {
  return BY_NAME.get(`name/${canonicalAction(action)}`);
}

/** `GetObject` for `name/cos:GetObject`, undefined for another product's action. */
export function shortCosAction(action: string): string | undefined {
  const c = canonicalAction(action);
  return c.startsWith('cos:') ? c.slice(4) : undefined;
}

/**
 * Does the policy pattern cover the requested action? Case-sensitive glob on the `cos:<Api>` form:
 * `*`, `cos:*`, `name/cos:Get*`, `cos:PutObject*`; `monitor:*` never matches a COS action.
 */
export function actionMatches(pattern: string, action: string): boolean {
  return globMatch(canonicalAction(pattern), canonicalAction(action));
}

/** The known actions a pattern covers (the console shows them; lint warns when there are none). */
export function expandAction(pattern: string): readonly CosActionInfo[] {
  return COS_ACTIONS.filter((a) => actionMatches(pattern, a.name));
}
