// What a lifecycle configuration must say beyond its XML shape (PUT Bucket lifecycle, 436/8280; where COS
// names no error code, S3's PutBucketLifecycleConfiguration answers are followed, COS being
// S3-compatible for lifecycle):
// - Status is Enabled or Disabled; IDs are unique and at most 255 characters;
// - a rule has at least one action (InvalidRequest);
// - `And` combines at least two conditions; a tag has a key;
// - Expiration names exactly one of Days, Date, ExpiredObjectDeleteMarker; Transition exactly one of Days, Date;
// - Days of an expiration are positive, of a transition non-negative; NoncurrentDays and DaysAfterInitiation
//   likewise; Date is an ISO 8601 date-time (COS's samples use Beijing midnight, `…T16:00:00.000Z` in
//   cos-nodejs-sdk-v5's suite, so any time of day is accepted);
// - "Days and Date cannot be both specified in the same lifecycle rule" (436/8280);
// - transitions go to a non-STANDARD class;
// - ExpiredObjectDeleteMarker and AbortIncompleteMultipartUpload cannot be combined with tag filters
//   (delete markers and uploads carry no tags).
import type { CosErrorCode } from '../errors/cos-error';
import { storageClassKind } from '../cos/storage-class';
import type { LifecycleConfiguration, LifecycleFilter, LifecycleRule, LifecycleTime } from '../xml/lifecycle';

export interface LifecycleProblem {
  code: CosErrorCode;
  message: string;
}

const problem = (code: CosErrorCode, message: string): LifecycleProblem => ({ code, message });

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$/;

export function isIsoDateTime(s: string): boolean {
  return ISO_DATE_TIME.test(s) && Number.isFinite(Date.parse(s));
}

/** A decimal integer ≥ min, within what a day count can sensibly be. */
export function dayCount(s: string | undefined, min: 0 | 1): number | undefined {
  if (s === undefined || !/^\d{1,6}$/.test(s)) return undefined;
  const n = Number(s);
  return n >= min ? n : undefined;
}

const hasTags = (f: LifecycleFilter): boolean => f.kind === 'tag' || (f.kind === 'and' && f.tags.length > 0);

function checkTime(t: LifecycleTime, what: string, minDays: 0 | 1): LifecycleProblem | undefined {
  if (t.days !== undefined && dayCount(t.days, minDays) === undefined) {
    return problem('InvalidArgument', `'Days' for ${what} must be a ${minDays === 1 ? 'positive' : 'non-negative'} integer.`);
  }
  if (t.date !== undefined && !isIsoDateTime(t.date)) return problem('InvalidArgument', `'Date' for ${what} must be an ISO 8601 date-time.`);
  return undefined;
}

function checkFilter(f: LifecycleFilter): LifecycleProblem | undefined {
  const tags = f.kind === 'tag' ? [f.tag] : f.kind === 'and' ? f.tags : [];
  if (tags.some((t) => t.key === '')) return problem('InvalidArgument', 'A filter tag needs a non-empty Key.');
  if (f.kind === 'and' && (f.prefix === undefined ? 0 : 1) + f.tags.length < 2) {
    return problem('MalformedXML', 'And must combine at least two conditions (a Prefix and a Tag, or two Tags).');
  }
  return undefined;
}

function checkActions(r: LifecycleRule): LifecycleProblem | undefined {
  const e = r.expiration;
  if (e) {
    const given = [e.days, e.date, e.expiredObjectDeleteMarker].filter((v) => v !== undefined).length;
    if (given !== 1) return problem('MalformedXML', 'Expiration takes exactly one of Days, Date and ExpiredObjectDeleteMarker.');
    if (e.expiredObjectDeleteMarker !== undefined && e.expiredObjectDeleteMarker !== 'true' && e.expiredObjectDeleteMarker !== 'false') {
      return problem('MalformedXML', 'ExpiredObjectDeleteMarker must be true or false.');
    }
    const bad = checkTime(e, 'the Expiration action', 1);
    if (bad) return bad;
  }
  for (const t of r.transitions) {
    if ((t.days === undefined) === (t.date === undefined)) return problem('MalformedXML', 'Transition takes exactly one of Days and Date.');
    const bad = checkTime(t, 'the Transition action', 0);
    if (bad) return bad;
  }
  for (const t of [...r.transitions, ...r.noncurrentVersionTransitions]) {
    const kind = storageClassKind(t.storageClass);
    if (kind === 'unknown' || t.storageClass.toUpperCase() === 'STANDARD') {
      return problem('InvalidArgument', `Invalid StorageClass for a transition: ${t.storageClass}.`);
    }
  }
  for (const t of r.noncurrentVersionTransitions) {
    if (dayCount(t.noncurrentDays, 0) === undefined) return problem('InvalidArgument', "'NoncurrentDays' for the NoncurrentVersionTransition action must be a non-negative integer.");
  }
  if (r.noncurrentVersionExpiration && dayCount(r.noncurrentVersionExpiration.noncurrentDays, 1) === undefined) {
    return problem('InvalidArgument', "'NoncurrentDays' for the NoncurrentVersionExpiration action must be a positive integer.");
  }
  if (r.abortIncompleteMultipartUpload && dayCount(r.abortIncompleteMultipartUpload.daysAfterInitiation, 1) === undefined) {
    return problem('InvalidArgument', "'DaysAfterInitiation' for the AbortIncompleteMultipartUpload action must be a positive integer.");
  }
  return undefined;
}

function checkRule(r: LifecycleRule): LifecycleProblem | undefined {
  if (r.status !== 'Enabled' && r.status !== 'Disabled') return problem('MalformedXML', 'Status must be Enabled or Disabled.');
  if (r.id !== undefined && r.id.length > 255) return problem('InvalidArgument', 'A rule ID is at most 255 characters long.');
  const actions = r.transitions.length + r.noncurrentVersionTransitions.length
    + [r.expiration, r.noncurrentVersionExpiration, r.abortIncompleteMultipartUpload].filter((a) => a !== undefined).length;
  if (actions === 0) return problem('InvalidRequest', 'At least one action needs to be specified in a rule.');
  const bad = checkFilter(r.filter) ?? checkActions(r);
  if (bad) return bad;
  const times = [...r.transitions, ...(r.expiration ? [r.expiration] : [])];
  if (times.some((t) => t.days !== undefined) && times.some((t) => t.date !== undefined)) {
    return problem('InvalidArgument', 'Days and Date cannot be both specified in the same lifecycle rule.');
  }
  if (hasTags(r.filter) && r.expiration?.expiredObjectDeleteMarker !== undefined) {
    return problem('InvalidArgument', 'ExpiredObjectDeleteMarker cannot be specified with a tag filter.');
  }
  if (hasTags(r.filter) && r.abortIncompleteMultipartUpload) {
    return problem('InvalidArgument', 'AbortIncompleteMultipartUpload cannot be specified with a tag filter.');
  }
  return undefined;
}

/** The first problem of a parsed configuration, or undefined when COS would accept it. */
export function validateLifecycle(config: LifecycleConfiguration): LifecycleProblem | undefined {
  const ids = new Set<string>();
  for (const r of config.rules) {
    const bad = checkRule(r);
    if (bad) return bad;
    if (r.id !== undefined) {
      if (ids.has(r.id)) return problem('InvalidArgument', `Rule ID must be unique: ${r.id}.`);
      ids.add(r.id);
    }
  }
  return undefined;
}
