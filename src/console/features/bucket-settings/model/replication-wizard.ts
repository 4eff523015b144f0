// The replication section's pure logic: the "add a rule" wizard's form and its checks, the rule it
// adds to the configuration, the console's words for COS's refusals, and the status readings.
// PUT Bucket replication (https://cloud.tencent.com/document/product/436/19223) replaces the whole
// configuration, so a rule is added or removed by writing every rule again; docs/cos-behaviour.md
// "Replication" lists what cos-local checks.
import { READABLE_STORAGE_CLASSES } from '../../../../shared/cos/storage-class';
import { checkDestination, parseRole, type DestinationRef } from '../../../../shared/replication/validate';
import type { CorsConfiguration } from '../../../../shared/xml/cors';
import { parseReplicationProgressXml, type ReplicationConfiguration, type ReplicationRule, type ReplicationRuleProgress } from '../../../../shared/xml/replication';

/** '' = no StorageClass element: the replica keeps the source object's class (436/19223). */
export const REPLICATION_STORAGE_CLASSES = ['', ...READABLE_STORAGE_CLASSES] as const;

export interface ReplicationWizardForm {
  /** The destination's full name `<BucketName>-<APPID>`. */
  destBucket: string;
  destRegion: string;
  scope: 'all' | 'prefix';
  prefix: string;
  storageClass: string;
  deleteMarkers: boolean;
  enabled: boolean;
  id: string;
  role: string;
}

export type WizardField = 'destBucket' | 'destRegion' | 'prefix' | 'id' | 'role';

/** A problem of the form: an i18n key under `bucketSettings.replication.problems` and its values. */
export interface WizardProblem {
  field: WizardField;
  key: 'required' | 'bucketName' | 'region' | 'sameBucket' | 'otherDestination' | 'prefixRequired' | 'overlapAll' | 'overlapPrefix' | 'coversAll' | 'idTaken' | 'idTooLong' | 'role';
  values?: ProblemValues;
}

/** The values a problem's text takes (i18n variables). */
export interface ProblemValues {
  id?: string;
  prefix?: string;
  bucket?: string;
  region?: string;
}

const FULL_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*-\d+$/;
const REGION = /^[a-z]+(?:-[a-z0-9]+)+$/;

/** Destination/Bucket in the documented form `qcs::cos:<Region>::<BucketName-APPID>` (436/19223). */
export function destinationArn(bucket: string, region: string): string {
  return `qcs::cos:${region.trim()}::${bucket.trim()}`;
}

/** The bucket and region a rule's Destination/Bucket names (either form COS accepts), if readable. */
export function destinationOf(rule: ReplicationRule): DestinationRef | undefined {
  const r = checkDestination(rule.destination.bucket);
  return r.ok ? r.ref : undefined;
}

/**
 * The default Role: the source bucket owner's root account. GET Bucket acl names the owner as
 * `qcs::cam::uin/<OwnerUin>:uin/<OwnerUin>` (436/7733), which is already a Role in the form PUT
 * Bucket replication wants (`qcs::cam::uin/<OwnerUin>:uin/<SubUin>`, 436/19223); a bare UIN is
 * turned into that form.
 */
export function ownerRole(ownerId: string | undefined): string {
  const id = (ownerId ?? '').trim();
  if (parseRole(id)) return id;
  return /^\d+$/.test(id) ? `qcs::cam::uin/${id}:uin/${id}` : '';
}

/** A rule ID not yet used: `rule-<n>`. */
export function suggestRuleId(config: ReplicationConfiguration | null): string {
  const taken = new Set((config?.rules ?? []).map((r) => r.id));
  let n = (config?.rules.length ?? 0) + 1;
  while (taken.has(`rule-${n}`)) n++;
  return `rule-${n}`;
}

export function newWizardForm(config: ReplicationConfiguration | null, ownerId: string | undefined): ReplicationWizardForm {
  // All rules replicate to one destination (validate.ts): a second rule starts from the first's.
  const first = config?.rules[0];
  const dest = first ? destinationOf(first) : undefined;
  return {
    destBucket: dest?.bucket ?? '', destRegion: dest?.region ?? '', scope: 'all', prefix: '', storageClass: '',
    deleteMarkers: true, enabled: true, id: suggestRuleId(config), role: config?.role ?? ownerRole(ownerId),
  };
}

/** The form's prefix as it goes into the rule: '' = the whole bucket. */
const prefixOf = (form: Pick<ReplicationWizardForm, 'scope' | 'prefix'>): string => (form.scope === 'all' ? '' : form.prefix);

/**
 * Overlap with existing rules: "prefixes cannot overlap; otherwise, an error will be returned"
 * (436/51185), and a rule without a prefix covers the whole bucket, so it overlaps every other rule.
 */
export function overlapProblem(prefix: string, rules: readonly ReplicationRule[]): WizardProblem | undefined {
  for (const [i, rule] of rules.entries()) {
    const other = rule.prefix ?? '';
    if (!(other.startsWith(prefix) || prefix.startsWith(other))) continue;
    const id = rule.id ?? `#${i + 1}`;
    if (other === '') return { field: 'prefix', key: 'overlapAll', values: { id } };
    if (prefix === '') return { field: 'prefix', key: 'coversAll', values: { id, prefix: other } };
    return { field: 'prefix', key: 'overlapPrefix', values: { id, prefix: other } };
  }
  return undefined;
}

/** Step 1: where to. */
export function destinationProblems(form: ReplicationWizardForm, source: DestinationRef, config: ReplicationConfiguration | null): WizardProblem[] {
  const out: WizardProblem[] = [];
  const bucket = form.destBucket.trim();
  const region = form.destRegion.trim();
  if (bucket === '') out.push({ field: 'destBucket', key: 'required' });
  else if (!FULL_NAME.test(bucket)) out.push({ field: 'destBucket', key: 'bucketName' });
  if (region === '') out.push({ field: 'destRegion', key: 'required' });
  else if (!REGION.test(region)) out.push({ field: 'destRegion', key: 'region' });
  if (out.length > 0) return out;
  if (bucket === source.bucket) return [{ field: 'destBucket', key: 'sameBucket' }];
  const first = config?.rules[0];
  const current = first ? destinationOf(first) : undefined;
  if (current && (current.bucket !== bucket || current.region !== region)) {
    return [{ field: 'destBucket', key: 'otherDestination', values: { bucket: current.bucket, region: current.region } }];
  }
  return out;
}

/** Step 2: what and as whom. */
export function ruleProblems(form: ReplicationWizardForm, config: ReplicationConfiguration | null): WizardProblem[] {
  const out: WizardProblem[] = [];
  const rules = config?.rules ?? [];
  if (form.scope === 'prefix' && form.prefix === '') out.push({ field: 'prefix', key: 'prefixRequired' });
  else {
    const overlap = overlapProblem(prefixOf(form), rules);
    if (overlap) out.push(overlap);
  }
  const id = form.id.trim();
  if (id.length > 255) out.push({ field: 'id', key: 'idTooLong' });
  else if (id !== '' && rules.some((r) => r.id === id)) out.push({ field: 'id', key: 'idTaken', values: { id } });
  if (!parseRole(form.role)) out.push({ field: 'role', key: 'role' });
  return out;
}

/** The rule the wizard adds. DeleteMarkerReplication is always written: its absence means Enabled (436/19223). */
export function ruleOf(form: ReplicationWizardForm): ReplicationRule {
  const rule: ReplicationRule = {
    status: form.enabled ? 'Enabled' : 'Disabled',
    destination: { bucket: destinationArn(form.destBucket, form.destRegion), ...(form.storageClass ? { storageClass: form.storageClass } : {}) },
    deleteMarkerReplication: form.deleteMarkers ? 'Enabled' : 'Disabled',
  };
  const id = form.id.trim();
  if (id !== '') rule.id = id;
  rule.prefix = prefixOf(form);
  return rule;
}

/** The whole configuration with the wizard's rule added last; the Role is the configuration's one. */
export function withRule(config: ReplicationConfiguration | null, form: ReplicationWizardForm): ReplicationConfiguration {
  return { role: form.role.trim(), rules: [...(config?.rules ?? []), ruleOf(form)] };
}

/** The configuration without rule `index`; null (DELETE Bucket replication) when none is left. */
export function withoutRule(config: ReplicationConfiguration, index: number): ReplicationConfiguration | null {
  const rules = config.rules.filter((_, i) => i !== index);
  return rules.length === 0 ? null : { ...config, rules };
}

export type RefusalKey =
  | 'versioningSource' | 'versioningDestination' | 'destinationMissing' | 'sameBucket' | 'roleNotOwner' | 'roleDenied'
  | 'overlap' | 'otherDestination' | 'archive';

/**
 * The console's words for a refusal of PUT Bucket replication. COS documents the preconditions
 * (versioning on both buckets, 436/19223; non-overlapping prefixes, 436/51185) but not its messages,
 * so the message is matched loosely; cos-local's are in src/cos-local/ops/replication.ts.
 */
export function refusalKey(code: string, message: string): RefusalKey | undefined {
  const m = message.toLowerCase();
  if (code === 'AccessDenied' && /role/.test(m)) return 'roleDenied';
  if (code === 'NotImplemented' && /archive|restore/.test(m)) return 'archive';
  if (code !== 'InvalidRequest' && code !== 'InvalidArgument') return undefined;
  if (/versioning/.test(m)) return /destination/.test(m) ? 'versioningDestination' : 'versioningSource';
  if (/same as the source|same bucket/.test(m)) return 'sameBucket';
  if (/destination/.test(m) && /exist/.test(m)) return 'destinationMissing';
  if (/same destination/.test(m)) return 'otherDestination';
  if (/overlap/.test(m)) return 'overlap';
  if (/role/.test(m)) return 'roleNotOwner';
  return undefined;
}

export type ReplicationStatus = 'PENDING' | 'COMPLETED' | 'FAILED' | 'REPLICA' | 'none';

/** `x-cos-replication-status` of HEAD Object (436/7745), upper-cased; 'none' when absent or unknown. */
export function replicationStatusOf(headers: Record<string, string>): ReplicationStatus {
  const v = (headers['x-cos-replication-status'] ?? '').toUpperCase();
  return v === 'PENDING' || v === 'COMPLETED' || v === 'FAILED' || v === 'REPLICA' ? v : 'none';
}

/** cos-local's progress XML; undefined where the endpoint has none (real COS answers the configuration instead). */
export function progressOf(xml: string | undefined): ReplicationRuleProgress[] | undefined {
  if (xml === undefined) return undefined;
  const parsed = parseReplicationProgressXml(xml);
  return parsed.ok ? parsed.value : undefined;
}

/** A CORS pattern may hold one `*` (e.g. `http://*.example.com`, 436/8279); compared case-insensitively. */
function covers(patterns: readonly string[], value: string): boolean {
  return patterns.some((p) => {
    const [head = '', tail, ...more] = p.toLowerCase().split('*');
    const v = value.toLowerCase();
    if (tail === undefined) return head === v;
    return more.length === 0 && v.length >= head.length + tail.length && v.startsWith(head) && v.endsWith(tail);
  });
}

/**
 * Whether the browser may read `x-cos-replication-status`: a cross-origin response shows only the
 * headers its CORS rule exposes (PUT Bucket cors ExposeHeader, 436/8279), and the first rule that
 * matches the origin and method is the one applied.
 */
export function corsExposesReplicationStatus(cors: CorsConfiguration | null, origin: string): boolean {
  const rule = (cors?.rules ?? []).find((r) => covers(r.allowedOrigins, origin) && covers(r.allowedMethods, 'HEAD'));
  return rule !== undefined && covers(rule.exposeHeaders, 'x-cos-replication-status');
}
