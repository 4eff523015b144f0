// Query parameters that select a COS subresource (the "action" the SDKs append as `?cors`). Sources:
// the API maps of cos-js-sdk-v5 1.10.1 (src/base.js, src/advance.js) and cos-nodejs-sdk-v5 3.0.0, and
// the COS API index https://cloud.tencent.com/document/product/436/7751. Other parameters (prefix,
// marker, response-*, q-*, x-cos-security-token, versionId, …) are plain parameters.
export const SUBRESOURCES: ReadonlySet<string> = new Set([
  'accelerate', 'acl', 'append', 'ci-process', 'cors', 'delete', 'domain', 'encryption', 'intelligenttiering',
  'inventory', 'lifecycle', 'location', 'logging', 'object-lock', 'origin', 'partNumber', 'policy',
  'referer', 'replication', 'restore', 'select', 'tagging', 'uploadId', 'uploads', 'versioning', 'versions',
  'website',
]);

const CANONICAL: ReadonlyMap<string, string> = new Map([...SUBRESOURCES].map((n) => [n.toLowerCase(), n]));

/** The canonical subresource name a parameter name means (names are case-insensitive, query.ts). */
export function subresourceOf(name: string): string | undefined {
  return CANONICAL.get(name.toLowerCase());
}

/** The subresources present in a query, by canonical name, in order of appearance. */
export function subresourcesOf(names: Iterable<string>): string[] {
  const found: string[] = [];
  for (const n of names) {
    const canonical = subresourceOf(n);
    if (canonical !== undefined && !found.includes(canonical)) found.push(canonical);
  }
  return found;
}
