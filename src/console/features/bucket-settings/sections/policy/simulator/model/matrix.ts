// The simulator's matrix: for one principal, which common operations the draft policy (and the bucket
// ACL) allows under each prefix the policy names, plus the bucket root. Each cell is one simulate()
// call on a sample key of the prefix (GET Bucket: a listing with that prefix, `cos:prefix` being the
// key COS checks for listings: https://www.tencentcloud.com/document/product/436/46206).
import { parseResource } from '../../../../../../../shared/policy/resource';
import type { Policy } from '../../../../../../../shared/policy/model';
import type { AuthorizeDecision } from '../../../../../../../shared/policy/authorize';
import { parseDraft, simulate, type BucketInfo, type SimPrincipal, type SimRequest } from './simulate';
import type { GrantList } from '../../../../../../../shared/policy/acl-grants';

export const MATRIX_ACTIONS = [
  'name/cos:GetObject', 'name/cos:HeadObject', 'name/cos:PutObject', 'name/cos:DeleteObject',
  'name/cos:GetObjectACL', 'name/cos:PutObjectACL', 'name/cos:GetBucket',
] as const;
export type MatrixAction = (typeof MATRIX_ACTIONS)[number];

export interface MatrixScope {
  /** The key pattern after `<bucket>/` as the policy writes it (`docs/*`); '' = the bucket root. */
  readonly pattern: string;
  /** A key the pattern covers, used for the object operations. */
  readonly sampleKey: string;
  /** The literal part before the first wildcard, used as the listing prefix ('' = none). */
  readonly prefix: string;
}

export interface MatrixCell {
  readonly action: MatrixAction;
  readonly allowed: boolean;
  readonly decision: AuthorizeDecision;
}

export interface MatrixRow extends MatrixScope {
  readonly cells: readonly MatrixCell[];
}

const ROOT_SAMPLE = 'example.txt';

/** A key a glob covers: each wildcard stands for `example` (`*`) or `x` (`?`). */
export function sampleKeyOf(pattern: string): string {
  if (pattern === '' || pattern === '*') return ROOT_SAMPLE;
  const key = pattern.replace(/\*/g, 'example').replace(/\?/g, 'x');
  return key.endsWith('/') ? `${key}${ROOT_SAMPLE}` : key;
}

/** The key patterns of this bucket the policy's resources name, in order of appearance, without duplicates. */
export function scopesOf(policy: Policy | undefined, bucket: BucketInfo): MatrixScope[] {
  const patterns: string[] = [''];
  for (const s of policy?.statements ?? []) {
    for (const raw of s.resources) {
      const r = parseResource(raw);
      if (!r.ok || r.pattern.kind !== 'cos' || r.pattern.appId !== bucket.appId) continue;
      const slash = r.pattern.path.indexOf('/');
      if (slash < 0 || r.pattern.path.slice(0, slash) !== bucket.name) continue;
      const path = r.pattern.path.slice(slash + 1);
      if (path !== '' && path !== '*' && !patterns.includes(path)) patterns.push(path);
    }
  }
  return patterns.map((pattern) => {
    const star = pattern.search(/[*?]/);
    return { pattern, sampleKey: sampleKeyOf(pattern), prefix: star < 0 ? pattern : pattern.slice(0, star) };
  });
}

export interface MatrixInput {
  readonly policyText: string;
  readonly bucket: BucketInfo;
  readonly ownerUin: string;
  readonly principal: SimPrincipal;
  /** Request properties every cell shares (source IP, HTTPS…); action, key and prefix are the matrix's. */
  readonly base?: Omit<SimRequest, 'action' | 'key' | 'prefix'>;
  readonly bucketAcl?: GrantList | null;
}

/** The matrix, or undefined when the draft does not parse. */
export function buildMatrix(input: MatrixInput): MatrixRow[] | undefined {
  const parsed = parseDraft(input.policyText);
  if (!parsed.ok) return undefined;
  return scopesOf(parsed.policy, input.bucket).map((scope) => ({
    ...scope,
    cells: MATRIX_ACTIONS.map((action): MatrixCell => {
      const listing = action === 'name/cos:GetBucket';
      const request: SimRequest = { ...input.base, action, ...(listing ? (scope.prefix ? { prefix: scope.prefix } : {}) : { key: scope.sampleKey }) };
      const r = simulate({ policyText: input.policyText, bucket: input.bucket, ownerUin: input.ownerUin, principal: input.principal, bucketAcl: input.bucketAcl ?? null, request });
      // parseDraft succeeded above, so simulate parses too.
      return r.ok ? { action, allowed: r.allowed, decision: r.decision } : { action, allowed: false, decision: { effect: 'implicit-deny', reason: 'no-allow' } };
    }),
  }));
}
