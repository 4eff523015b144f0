// The names of the settings the console changes and keeps a history of, without their codecs: the
// console's API contract and access rules need only the names, and must not pull every XML codec into
// the first page the browser loads (codecs.ts has the rest).

export const TRACKED_SETTINGS = [
  'cors', 'referer', 'website', 'domain', 'versioning', 'replication', 'lifecycle', 'tagging', 'encryption', 'policy', 'acl',
] as const;

export type TrackedSetting = (typeof TRACKED_SETTINGS)[number];

export function isTrackedSetting(s: string): s is TrackedSetting {
  return (TRACKED_SETTINGS as readonly string[]).includes(s);
}

/** Settings a console account may read with a whole-bucket `list` grant; the others need `settings`. */
export const SENSITIVE_SETTINGS: ReadonlySet<TrackedSetting> = new Set(['policy', 'acl']);
