// Which temporary keys a bulk task asks for (POST /api/sts), and when they are used (pure: no SDK,
// no fetch). The keys are least-privilege (https://www.tencentcloud.com/document/product/436/35265):
// exactly the actions the SDK sends for the task, narrowed to the task's prefix.
import type { TempKeys, TempKeyTask } from '../api/console-api';
import { ApiError } from '../api/http';
import type { CosTask } from './cos-client';

/**
 * What cos-js-sdk-v5's uploadFile sends for one file (node_modules/cos-js-sdk-v5/src/advance.js):
 * putObject up to the slice size; above it sliceUploadFile — multipartList (ListMultipartUploads),
 * multipartListPart (ListParts) to resume an upload it finds, multipartInit, multipartUpload,
 * multipartComplete. It never aborts an upload, so AbortMultipartUpload is not asked for.
 *
 * ListMultipartUploads is deliberately NOT here: its resource is the whole bucket (COS has no
 * `cos:prefix` condition for it, src/shared/access/sts-policy.ts 'bucket-listing'), so a key carrying
 * it would be wider than the folder — and the server refuses it to accounts granted only a prefix.
 * That one request is signed per request by /api/sign, which checks its `prefix` (= the key).
 */
export const UPLOAD_ACTIONS: readonly string[] = [
  'name/cos:PutObject',
  'name/cos:InitiateMultipartUpload',
  'name/cos:UploadPart',
  'name/cos:CompleteMultipartUpload',
  'name/cos:ListParts',
];

/**
 * DELETE Multiple Objects is authorized by COS as DeleteObject on each key of the body (tencentcloud
 * 436/30580); the SDK's Scope for it is one `name/cos:DeleteObject` entry per key (cos-js-sdk-v5 1.10.1
 * src/base.js).
 */
export const DELETE_ACTIONS: readonly string[] = ['name/cos:DeleteObject'];

export function tempKeyTaskOf(task: CosTask): TempKeyTask {
  return {
    bucket: task.bucket,
    region: task.region,
    prefix: task.prefix,
    actions: [...(task.kind === 'upload' ? UPLOAD_ACTIONS : DELETE_ACTIONS)],
  };
}

/** One entry of the SDK's `Scope` (cos-js-sdk-v5 1.10.1 src/base.js): the action and key a request needs. */
export interface ScopeEntry {
  action: string;
}

/** True when the task's keys can sign this request: every action its Scope declares is the task's. */
export function coveredByTask(scope: readonly ScopeEntry[] | undefined, task: CosTask): boolean {
  if (!scope || scope.length === 0) return false;
  const actions = task.kind === 'upload' ? UPLOAD_ACTIONS : DELETE_ACTIONS;
  return scope.every((s) => actions.includes(s.action));
}

/**
 * Keys are fetched again when less than this is left. The SDK itself reuses a key only while more
 * than 60 s are left (src/base.js getAuthorizationAsync), so ours must be fresher than that.
 */
export const REFRESH_MARGIN_SECONDS = 120;

export interface TempKeySource {
  /** The task's keys, or null when this session cannot get any (then sign each request with /api/sign). */
  keys(): Promise<TempKeys | null>;
}

/**
 * Caches one task's keys until they near expiry, shares one request among concurrent callers, and
 * remembers a 409 StsUnavailable (an API-key session whose key may not call STS, sts.ts) so the
 * fallback costs one refused request per task, not one per upload. Other failures are not cached:
 * the next request asks again.
 */
export function createTempKeySource(fetchKeys: () => Promise<TempKeys>, nowSeconds: () => number = () => Date.now() / 1000): TempKeySource {
  let cached: TempKeys | undefined;
  let pending: Promise<TempKeys | null> | undefined;
  let unavailable = false;
  return {
    keys() {
      if (unavailable) return Promise.resolve(null);
      if (cached && cached.ExpiredTime - nowSeconds() > REFRESH_MARGIN_SECONDS) return Promise.resolve(cached);
      pending ??= fetchKeys().then(
        (keys) => {
          cached = keys;
          pending = undefined;
          return keys;
        },
        (error: unknown) => {
          pending = undefined;
          if (error instanceof ApiError && error.status === 409 && error.code === 'StsUnavailable') {
            unavailable = true;
            return null;
          }
          throw error;
        },
      );
      return pending;
    },
  };
}
