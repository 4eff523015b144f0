// COS action names and action matching. Names: the API-by-API guide https://www.tencentcloud.com/document/product/436/30580;
// the bucket settings that guide leaves out come from the CAM API list (tencentcloud 598/57092), and
// `GetBucketObjectVersions` from the preset QcloudCOSDataFullControl policy (tencentcloud 436/45236).
import { globMatch } from './glob';
import { CONDITION_KEYS, keyAppliesTo } from './condition-keys';

export type ActionLevel = 'service' | 'bucket' | 'object';

export interface CosActionInfo {
  /** Canonical form, `name/cos:<Api>`; `action` is case-sensitive (tencentcloud 436/12469). */
  readonly name: string;
  readonly level: ActionLevel;
  /** Condition keys (condition-keys.ts `appliesTo`) a request of this action can carry, global keys included. */
  readonly conditionKeys: readonly string[];
  /**
   * `guide` = named in COS's access-control guides (tencentcloud 436/30580, 436/11714, 436/46206),
   * with the resource form they use; `reference` = only in the CAM API list (598/57092).
   */
  readonly source: 'guide' | 'reference';
}

const GUIDE: Record<ActionLevel, readonly string[]> = {
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
    // Sample 3 of tencentcloud 436/11714 names UploadPartCopy, 436/30580 grants Upload Part - Copy by
    // PutObject: keep both (docs/cos-behaviour.md "Traps in the policy documentation" 15).
    'UploadPartCopy',
  ],
};

const REFERENCE_BUCKET = [
  'PutBucketPolicy', 'GetBucketPolicy', 'DeleteBucketPolicy', 'PutBucketReferer', 'GetBucketReferer',
  'PutBucketWebsite', 'GetBucketWebsite', 'DeleteBucketWebsite', 'PutBucketReplication',
  'GetBucketReplication', 'DeleteBucketReplication', 'PutBucketVersioning', 'GetBucketVersioning',
  'PutBucketDomain', 'GetBucketDomain', 'DeleteBucketDomain', 'GetBucketTagging', 'DeleteBucketTagging',
  'GetBucketObjectVersions',
];

function info(api: string, level: ActionLevel, source: CosActionInfo['source']): CosActionInfo {
  const conditionKeys = CONDITION_KEYS.filter((k) => keyAppliesTo(k, api)).map((k) => k.key);
  return { name: `name/cos:${api}`, level, conditionKeys, source };
}

/** Every COS action this engine knows, for the console's policy generator and for lint. */
export const COS_ACTIONS: readonly CosActionInfo[] = [
  ...(['service', 'bucket', 'object'] as const).flatMap((level) => GUIDE[level].map((a) => info(a, level, 'guide'))),
  ...REFERENCE_BUCKET.map((a) => info(a, 'bucket', 'reference')),
];

const BY_NAME = new Map(COS_ACTIONS.map((a) => [a.name, a]));

/**
 * `name/cos:GetObject` and `cos:GetObject` are the same action: sample 3 of tencentcloud 436/11714
 * and the cross-account page tencentcloud 436/32971 use the bare form.
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
