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

export const paths = {
  home: () => '/',
  login: (next?: string) => `/login${query({ next })}`,
  buckets: () => '/buckets',
  objects: (bucket: string, options: { prefix?: string; region?: string } = {}) =>
    `/buckets/${encodeURIComponent(bucket)}/objects${query({ prefix: options.prefix, region: options.region })}`,
  adminUsers: () => '/admin/users',
  /** The audit log; `params` are its filters and page (features/admin/model/audit-query.ts). */
  adminAudit: (params: Record<string, string | undefined> = {}) => `/admin/audit${query(params)}`,
};
