// Every console URL is built here. The URL is the navigation state: which bucket, which folder
// (?prefix=), and the region when the bucket list cannot tell (?region=). Features, components and
// the app all build links, so this sits below all of them and imports nothing.

/**
 * Query-string encoding for a value. '/' is left readable (?prefix=a/b/), which is valid in a query;
 * everything else is percent-encoded once, so URLSearchParams (and useSearchParams) give back the
 * exact key, including '+', '%', '#', '?', '&' and spaces.
 */
export function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(/%2F/g, '/');
}

function query(params: Record<string, string | undefined>): string {
  const parts = Object.entries(params).flatMap(([k, v]) => (v === undefined || v === '' ? [] : [`${k}=${encodeQueryValue(v)}`]));
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** The sections of a bucket's settings, each at /buckets/:bucket/settings/<section>. */
export const SETTINGS_SECTIONS = [
  'cors', 'hotlink', 'website', 'domains', 'versioning', 'replication', 'lifecycle', 'tags', 'encryption', 'policy', 'acl', 'history', 'as-code',
] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

export function isSettingsSection(s: string | undefined): s is SettingsSection {
  return (SETTINGS_SECTIONS as readonly string[]).includes(s ?? '');
}

const bucketPath = (bucket: string, rest: string) => `/buckets/${encodeURIComponent(bucket)}/${rest}`;

export const paths = {
  home: () => '/',
  login: (next?: string) => `/login${query({ next })}`,
  buckets: () => '/buckets',
  objects: (bucket: string, options: { prefix?: string; region?: string } = {}) =>
    `/buckets/${encodeURIComponent(bucket)}/objects${query({ prefix: options.prefix, region: options.region })}`,
  /** The bucket at a glance: region, endpoints, and each setting's state. */
  overview: (bucket: string, options: { region?: string } = {}) => `${bucketPath(bucket, 'overview')}${query({ region: options.region })}`,
  /** One settings section; `extra` are the section's own query parameters (e.g. a history entry). */
  settings: (bucket: string, section: SettingsSection, options: { region?: string; extra?: Record<string, string | undefined> } = {}) =>
    `${bucketPath(bucket, `settings/${section}`)}${query({ region: options.region, ...options.extra })}`,
  adminUsers: () => '/admin/users',
  /** The audit log; `params` are its filters and page (features/admin/model/audit-query.ts). */
  adminAudit: (params: Record<string, string | undefined> = {}) => `/admin/audit${query(params)}`,
};
