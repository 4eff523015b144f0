// What a console account may do (docs/security.md; README.md "Signing in"): an admin may do anything
// the server's credential can; any other account has a scope, a list of grants {bucket, prefix,
// permissions}. A grant covers keys (and listing prefixes) that start with its prefix in that bucket;
// '' covers the whole bucket.
export const PERMISSIONS = ['list', 'read', 'write', 'delete', 'share', 'settings'] as const;

export type Permission = (typeof PERMISSIONS)[number];

export interface Grant {
  /** `<name>-<appid>`. */
  bucket: string;
  /** Key prefix, '' for the whole bucket. */
  prefix: string;
  permissions: Permission[];
}

export type Scope = { kind: 'admin' } | { kind: 'grants'; grants: Grant[] };

export type GrantsResult = { ok: true; value: Grant[] } | { ok: false; reason: string };

const BUCKET = /^[a-z0-9][a-z0-9-]*-\d+$/;

/** Validates grants from the admin API or the database. */
export function parseGrants(input: unknown): GrantsResult {
  if (!Array.isArray(input)) return { ok: false, reason: 'grants must be a list' };
  const out: Grant[] = [];
  for (const [i, g] of input.entries()) {
    if (typeof g !== 'object' || g === null) return { ok: false, reason: `grant ${i + 1} must be an object` };
    const { bucket, prefix, permissions } = g as Record<string, unknown>;
    if (typeof bucket !== 'string' || !BUCKET.test(bucket)) return { ok: false, reason: `grant ${i + 1}: bucket must look like name-appid` };
    if (typeof prefix !== 'string' || prefix.startsWith('/') || prefix.length > 850) return { ok: false, reason: `grant ${i + 1}: prefix must be a key prefix without a leading /` };
    // `*` is a wildcard in the policy resources a grant becomes (temporary keys, bucket policies):
    // a literal prefix must not silently widen into a pattern.
    if (prefix.includes('*')) return { ok: false, reason: `grant ${i + 1}: prefix must not contain *` };
    if (!Array.isArray(permissions) || permissions.length === 0 || !permissions.every((p): p is Permission => (PERMISSIONS as readonly unknown[]).includes(p))) {
      return { ok: false, reason: `grant ${i + 1}: permissions must be a non-empty subset of ${PERMISSIONS.join(', ')}` };
    }
    out.push({ bucket, prefix, permissions: [...new Set(permissions)] });
  }
  return { ok: true, value: out };
}
