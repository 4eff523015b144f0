// The generator's action picker: the COS actions this console knows (src/shared/policy/action.ts,
// from https://cloud.tencent.com/document/product/436/30580 and the CAM API list) in the groups the
// COS console's templates speak of (https://cloud.tencent.com/document/product/436/45235): reading
// objects, writing them, listing, ACLs, general bucket configuration and the sensitive settings.
import { COS_ACTIONS } from '../../../../../../shared/policy/action';

export const ACTION_GROUPS = ['object-read', 'object-write', 'listing', 'acl', 'bucket-config', 'bucket-sensitive'] as const;
export type ActionGroup = (typeof ACTION_GROUPS)[number];

const EXPLICIT: Readonly<Record<string, ActionGroup>> = {
  GetObject: 'object-read', HeadObject: 'object-read', OptionsObject: 'object-read',
  GetService: 'listing', GetBucket: 'listing', HeadBucket: 'listing', ListMultipartUploads: 'listing', GetBucketObjectVersions: 'listing',
  GetObjectACL: 'acl', PutObjectACL: 'acl', GetBucketACL: 'acl', PutBucketACL: 'acl',
  PutBucket: 'bucket-sensitive', DeleteBucket: 'bucket-sensitive', PutBucketPolicy: 'bucket-sensitive', GetBucketPolicy: 'bucket-sensitive',
  DeleteBucketPolicy: 'bucket-sensitive', PutBucketVersioning: 'bucket-sensitive', PutBucketReplication: 'bucket-sensitive',
  DeleteBucketReplication: 'bucket-sensitive', GetBucketReplication: 'bucket-sensitive',
};

/** The group of a known action (`name/cos:GetObject`): object-level writes, the rest of the bucket settings. */
export function groupOf(name: string): ActionGroup {
  const api = name.replace(/^name\/cos:/, '');
  const g = EXPLICIT[api];
  if (g) return g;
  return /Bucket/.test(api) ? 'bucket-config' : 'object-write';
}

export interface GroupedActions {
  readonly group: ActionGroup;
  readonly actions: readonly string[];
}

/** Known actions grouped, filtered by a case-insensitive search on their name. */
export function groupedActions(search: string): GroupedActions[] {
  const q = search.trim().toLowerCase();
  return ACTION_GROUPS.map((group) => ({
    group,
    actions: COS_ACTIONS.map((a) => a.name).filter((n) => groupOf(n) === group && (q === '' || n.toLowerCase().includes(q))),
  })).filter((g) => g.actions.length > 0);
}

const KNOWN = new Set(COS_ACTIONS.map((a) => a.name));

/** A statement's actions the checkboxes do not show: wildcards, the bare `cos:` form, other products. */
export function otherActions(actions: readonly string[]): string[] {
  return actions.filter((a) => !KNOWN.has(a));
}
