// Where a restricted console account may go, and what it may do there (restricted users land in the
// prefixes they may use, never in a dead end: docs/architecture.md "Rules the code keeps"). The
// console asks these questions before it sends a request, so it can offer only links and actions
// that /api/sign and /api/sts will accept.
// Coverage is decided by grantCovers (request-scope.ts), the same rule the server applies, so the
// console and the server cannot disagree about which prefix a grant reaches.
import type { Grant, Permission } from './grants';
import { grantCovers } from './request-scope';

/**
 * What the console knows about a session's limits before asking COS: none (an admin may do anything
 * the server's key may; for an API-key session COS alone decides, which cannot be known in advance),
 * or a console account's grants.
 */
export type BrowseScope = { readonly kind: 'unrestricted' } | { readonly kind: 'grants'; readonly grants: readonly Grant[] };

export const UNRESTRICTED: BrowseScope = { kind: 'unrestricted' };

/** The scope of a session user: its grants when it has any list of them (even empty), else unrestricted. */
export function browseScopeOf(grants: readonly Grant[] | undefined): BrowseScope {
  return grants === undefined ? UNRESTRICTED : { kind: 'grants', grants };
}

/**
 * May the scope use `permission` at `path` of `bucket`? `path` is a listing prefix or an object key:
 * a grant applies when its prefix leads it.
 */
export function allows(scope: BrowseScope, bucket: string, path: string, permission: Permission): boolean {
  if (scope.kind === 'unrestricted') return true;
  return scope.grants.some((g) => grantCovers(g, { permissions: [permission], bucket, path }));
}

/**
 * The prefixes of `bucket` to offer as entry points: those of the grants that allow listing, without
 * the ones inside another (reachable from it by opening folders), sorted. An unrestricted scope gets
 * the bucket root; a scope that may list nothing in the bucket gets none.
 */
export function landingPrefixes(scope: BrowseScope, bucket: string): string[] {
  if (scope.kind === 'unrestricted') return [''];
  const listable = [...new Set(scope.grants.filter((g) => g.bucket === bucket && g.permissions.includes('list')).map((g) => g.prefix))];
  return listable.filter((p) => !listable.some((q) => q !== p && p.startsWith(q))).sort();
}

/** Allowed, or the permission the scope lacks (for a "needs …" hint). */
export type ActionCheck = { readonly allowed: true } | { readonly allowed: false; readonly missing: Permission };

/** The object browser's folder actions and the permission each needs (request-scope.ts SIGN_RULES). */
export const FOLDER_ACTION_PERMISSION = {
  list: 'list',
  upload: 'write',
  delete: 'delete',
} as const satisfies Record<string, Permission>;

export type FolderAction = keyof typeof FOLDER_ACTION_PERMISSION;

/** Whether `permission` is allowed at `path`, as an ActionCheck. */
export function checkAction(scope: BrowseScope, bucket: string, path: string, permission: Permission): ActionCheck {
  return allows(scope, bucket, path, permission) ? { allowed: true } : { allowed: false, missing: permission };
}

/**
 * What the folder at `prefix` allows. Only grants whose prefix leads the folder count: they cover
 * every key a folder action touches (an upload's `prefix + name`, a selected folder's keys), so an
 * allowed action is never refused by the server for want of a grant.
 */
export function folderActions(scope: BrowseScope, bucket: string, prefix: string): Record<FolderAction, ActionCheck> {
  return {
    list: checkAction(scope, bucket, prefix, FOLDER_ACTION_PERMISSION.list),
    upload: checkAction(scope, bucket, prefix, FOLDER_ACTION_PERMISSION.upload),
    delete: checkAction(scope, bucket, prefix, FOLDER_ACTION_PERMISSION.delete),
  };
}

/** Sharing one object needs `share` on its key (request-scope.ts: share-link requests). */
export function shareCheck(scope: BrowseScope, bucket: string, key: string): ActionCheck {
  return checkAction(scope, bucket, key, 'share');
}
