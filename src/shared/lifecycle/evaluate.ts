// What a lifecycle configuration does to one key's history or one multipart upload at a given time
// (pure; src/cos-local/lifecycle/run.ts applies the result).
//
// Timing. COS says an action runs `Days` days after the object's last modification (436/8280) but not how
// the day is counted; we follow S3's documented rule, which COS (S3-compatible here) and OSS share:
// "Amazon S3 calculates the time by adding the number of days specified in the rule to the object
// creation time and rounding the resulting time to the next day midnight UTC. For example, if an object
// was created on 1/15/2014 10:30 AM UTC and you specify 3 days in a transition rule, then the transition
// date of the object would be calculated as 1/19/2014 00:00 UTC" (S3 User Guide, "Lifecycle configuration
// elements"). A noncurrent version counts from when it became noncurrent, i.e. when its successor was
// written; an upload from its initiation. A `Date` applies from that instant on.
//
// Actions (S3 semantics, which 436/8280 mirrors):
// - Expiration (Days/Date) of the current version: deleted when the bucket never had versioning, else
//   hidden behind a delete marker;
// - NoncurrentVersionExpiration: the noncurrent version is removed for good;
// - ExpiredObjectDeleteMarker: a current delete marker with no older version left is removed;
// - Transition / NoncurrentVersionTransition: the storage class changes (the latest due transition wins);
// - AbortIncompleteMultipartUpload: the upload is aborted.
// Only rules whose Status is Enabled act; a rule's filter selects by key prefix and/or object tags.
import type { LifecycleFilter, LifecycleRule, LifecycleTag, LifecycleTime } from '../xml/lifecycle';
import { dayCount } from './validate';

export const DAY_MS = 86_400_000;

/** When an action `days` after `startMs` becomes due: the next UTC midnight after start + days. */
export function dueAfterDays(startMs: number, days: number): number {
  return (Math.floor((startMs + days * DAY_MS) / DAY_MS) + 1) * DAY_MS;
}

/** When a Days/Date condition is due for something that started at `startMs`; undefined if neither parses. */
export function dueTime(t: LifecycleTime, startMs: number): number | undefined {
  if (t.date !== undefined) {
    const ms = Date.parse(t.date);
    return Number.isFinite(ms) ? ms : undefined;
  }
  const days = dayCount(t.days, 0);
  return days === undefined ? undefined : dueAfterDays(startMs, days);
}

export function filterMatches(filter: LifecycleFilter, key: string, tags: readonly LifecycleTag[]): boolean {
  const has = (t: LifecycleTag): boolean => tags.some((o) => o.key === t.key && o.value === t.value);
  switch (filter.kind) {
    case 'all':
      return true;
    case 'prefix':
      return key.startsWith(filter.prefix);
    case 'tag':
      return has(filter.tag);
    case 'and':
      return key.startsWith(filter.prefix ?? '') && filter.tags.every(has);
  }
}

/** One entry of a key's history, as lifecycle sees it. */
export interface VersionFacts {
  versionId: string;
  /** Epoch ms. */
  lastModified: number;
  deleteMarker: boolean;
  storageClass: string;
  tags: readonly LifecycleTag[];
}

export type LifecycleAction =
  | { kind: 'expire-current'; versionId: string }
  | { kind: 'delete-version'; versionId: string }
  | { kind: 'remove-marker'; versionId: string }
  | { kind: 'transition'; versionId: string; storageClass: string };

const enabled = (rules: readonly LifecycleRule[]): LifecycleRule[] => rules.filter((r) => r.status === 'Enabled');

/** The storage class of the latest due transition, if any is due. */
function dueTransition(candidates: readonly { due: number | undefined; storageClass: string }[], nowMs: number): string | undefined {
  let best: { due: number; storageClass: string } | undefined;
  for (const c of candidates) {
    if (c.due === undefined || c.due > nowMs) continue;
    if (!best || c.due >= best.due) best = { due: c.due, storageClass: c.storageClass };
  }
  return best?.storageClass.toUpperCase();
}

function planCurrent(rules: readonly LifecycleRule[], key: string, v: VersionFacts, nowMs: number): LifecycleAction | undefined {
  const matching = rules.filter((r) => filterMatches(r.filter, key, v.tags));
  const expired = matching.some((r) => {
    const e = r.expiration;
    if (!e || (e.days === undefined && e.date === undefined)) return false;
    const due = dueTime(e, v.lastModified);
    return due !== undefined && due <= nowMs;
  });
  if (expired) return { kind: 'expire-current', versionId: v.versionId };
  const target = dueTransition(matching.flatMap((r) => r.transitions.map((t) => ({ due: dueTime(t, v.lastModified), storageClass: t.storageClass }))), nowMs);
  return target !== undefined && target !== v.storageClass ? { kind: 'transition', versionId: v.versionId, storageClass: target } : undefined;
}

function planNoncurrent(rules: readonly LifecycleRule[], key: string, v: VersionFacts, since: number, nowMs: number): LifecycleAction | undefined {
  const matching = rules.filter((r) => filterMatches(r.filter, key, v.tags));
  const expired = matching.some((r) => {
    const days = dayCount(r.noncurrentVersionExpiration?.noncurrentDays, 1);
    return days !== undefined && dueAfterDays(since, days) <= nowMs;
  });
  if (expired) return { kind: 'delete-version', versionId: v.versionId };
  const candidates = matching.flatMap((r) => r.noncurrentVersionTransitions.map((t) => {
    const days = dayCount(t.noncurrentDays, 0);
    return { due: days === undefined ? undefined : dueAfterDays(since, days), storageClass: t.storageClass };
  }));
  const target = dueTransition(candidates, nowMs);
  return target !== undefined && target !== v.storageClass ? { kind: 'transition', versionId: v.versionId, storageClass: target } : undefined;
}

/**
 * The actions due on one key at `nowMs`. `versions` is the key's whole history, newest first (the
 * order of GET Bucket Object versions, 436/35521).
 */
export function planKey(rules: readonly LifecycleRule[], key: string, versions: readonly VersionFacts[], nowMs: number): LifecycleAction[] {
  const active = enabled(rules);
  const current = versions[0];
  if (active.length === 0 || !current) return [];
  const actions: LifecycleAction[] = [];
  if (!current.deleteMarker) {
    const a = planCurrent(active, key, current, nowMs);
    if (a) actions.push(a);
  }
  let remaining = 0;
  for (let i = 1; i < versions.length; i++) {
    const v = versions[i];
    const successor = versions[i - 1];
    if (!v || !successor) continue;
    const a = v.deleteMarker ? undefined : planNoncurrent(active, key, v, successor.lastModified, nowMs);
    if (a) actions.push(a);
    if (a?.kind !== 'delete-version') remaining++;
  }
  if (current.deleteMarker && remaining === 0) {
    const sweep = active.some((r) => r.expiration?.expiredObjectDeleteMarker === 'true' && filterMatches(r.filter, key, []));
    if (sweep) actions.push({ kind: 'remove-marker', versionId: current.versionId });
  }
  return actions;
}

/** Whether AbortIncompleteMultipartUpload applies to an upload of `key` initiated at `initiatedMs`. */
export function uploadExpired(rules: readonly LifecycleRule[], key: string, initiatedMs: number, nowMs: number): boolean {
  return enabled(rules).some((r) => {
    const days = dayCount(r.abortIncompleteMultipartUpload?.daysAfterInitiation, 1);
    return days !== undefined && filterMatches(r.filter, key, []) && dueAfterDays(initiatedMs, days) <= nowMs;
  });
}
