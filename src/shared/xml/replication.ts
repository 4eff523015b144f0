// PUT/GET Bucket replication body (PUT 436/19223, GET 436/19222):
// ReplicationConfiguration{Role, Rule+{Status, Priority?, ID?, Prefix?, Destination{Bucket, StorageClass?},
// DeleteMarkerReplication?{Status}}}. Values stay verbatim strings; their meaning is checked by
// src/shared/replication/validate.ts. The KMS parts of the doc (Destination.EncryptionConfiguration,
// SourceSelectionCriteria) need a key service cos-local does not have: reported as `unsupported`
// (NotImplemented). Any other unknown element is malformed.
import { buildXml, emptyOr, list, parseXml, type XmlNode, type XmlObject, type XmlParseResult } from './codec';

export interface ReplicationDestination {
  /** `qcs::cos:<region>::<bucket-appid>`, as sent. */
  bucket: string;
  storageClass?: string;
}

export interface ReplicationRule {
  id?: string;
  status: string;
  priority?: string;
  prefix?: string;
  destination: ReplicationDestination;
  /** `DeleteMarkerReplication/Status`; absent means Enabled (436/19223). */
  deleteMarkerReplication?: string;
}

export interface ReplicationConfiguration {
  role: string;
  rules: ReplicationRule[];
}

export type ReplicationParseResult =
  | { ok: true; value: ReplicationConfiguration }
  | { ok: false; reason: string; unsupported?: true };

const ROOT = 'ReplicationConfiguration';

type Fail = { fail: string; unsupported?: true };
const isFail = (v: unknown): v is Fail => typeof v === 'object' && v !== null && 'fail' in v;

function element(node: XmlNode | undefined, name: string, known: readonly string[], unsupported: readonly string[] = []): XmlObject | Fail {
  const o = emptyOr(node);
  if (!o) return { fail: `${name} must be an element` };
  for (const c of Object.keys(o)) {
    if (unsupported.includes(c)) return { fail: `${name}.${c} (SSE-KMS) is not implemented by cos-local`, unsupported: true };
    if (!known.includes(c)) return { fail: `unknown element ${name}.${c}` };
  }
  return o;
}

function textOf(o: XmlObject, name: string): string | undefined | Fail {
  const v = o[name];
  if (v === undefined) return undefined;
  return typeof v === 'string' ? v : { fail: `${name} must be text` };
}

function parseDestination(node: XmlNode | undefined): ReplicationDestination | Fail {
  if (node === undefined) return { fail: 'Rule needs a Destination' };
  const d = element(node, 'Destination', ['Bucket', 'StorageClass'], ['EncryptionConfiguration']);
  if (isFail(d)) return d;
  const bucket = textOf(d, 'Bucket');
  const storageClass = textOf(d, 'StorageClass');
  if (isFail(bucket)) return bucket;
  if (isFail(storageClass)) return storageClass;
  if (bucket === undefined) return { fail: 'Destination needs a Bucket' };
  return storageClass === undefined ? { bucket } : { bucket, storageClass };
}

function parseRule(node: XmlNode): ReplicationRule | Fail {
  const r = element(node, 'Rule', ['Status', 'Priority', 'ID', 'Prefix', 'Destination', 'DeleteMarkerReplication'], ['SourceSelectionCriteria']);
  if (isFail(r)) return r;
  const texts = ['Status', 'Priority', 'ID', 'Prefix'].map((n) => textOf(r, n));
  const bad = texts.find(isFail);
  if (bad) return bad;
  const [status, priority, id, prefix] = texts as (string | undefined)[];
  if (status === undefined) return { fail: 'Rule needs a Status' };
  const destination = parseDestination(r['Destination']);
  if (isFail(destination)) return destination;
  const rule: ReplicationRule = { status, destination };
  if (priority !== undefined) rule.priority = priority;
  if (id !== undefined) rule.id = id;
  if (prefix !== undefined) rule.prefix = prefix;
  if (r['DeleteMarkerReplication'] !== undefined) {
    const m = element(r['DeleteMarkerReplication'], 'DeleteMarkerReplication', ['Status']);
    if (isFail(m)) return m;
    const s = textOf(m, 'Status');
    if (isFail(s)) return s;
    if (s === undefined) return { fail: 'DeleteMarkerReplication needs a Status' };
    rule.deleteMarkerReplication = s;
  }
  return rule;
}

export function parseReplicationXml(xml: string): ReplicationParseResult {
  const parsed = parseXml(xml, [`${ROOT}.Rule`]);
  if (!parsed.ok) return parsed;
  const root = element(parsed.value[ROOT], ROOT, ['Role', 'Rule']);
  if (isFail(root)) return { ok: false, reason: root.fail };
  const role = textOf(root, 'Role');
  if (isFail(role)) return { ok: false, reason: role.fail };
  if (role === undefined) return { ok: false, reason: 'a Role is required' };
  const rules: ReplicationRule[] = [];
  for (const node of list(root['Rule'])) {
    const rule = parseRule(node);
    if (isFail(rule)) return rule.unsupported ? { ok: false, reason: rule.fail, unsupported: true } : { ok: false, reason: rule.fail };
    rules.push(rule);
  }
  if (rules.length === 0) return { ok: false, reason: 'at least one Rule is required' };
  return { ok: true, value: { role, rules } };
}

/** The GET Bucket replication body, elements in the order of the COS doc (436/19222). */
export function buildReplicationXml(config: ReplicationConfiguration): string {
  const rules = config.rules.map((r) => {
    const o: XmlObject = { Status: r.status };
    if (r.priority !== undefined) o['Priority'] = r.priority;
    if (r.id !== undefined) o['ID'] = r.id;
    if (r.prefix !== undefined) o['Prefix'] = r.prefix;
    const d: XmlObject = { Bucket: r.destination.bucket };
    if (r.destination.storageClass !== undefined) d['StorageClass'] = r.destination.storageClass;
    o['Destination'] = d;
    if (r.deleteMarkerReplication !== undefined) o['DeleteMarkerReplication'] = { Status: r.deleteMarkerReplication };
    return o;
  });
  return buildXml(ROOT, { Role: config.role, Rule: rules });
}

/** Per-rule progress of the replicator (cos-local only, `GET /?replication&progress`). */
export interface ReplicationRuleProgress {
  /** The rule's ID, or `#<n>` (1-based position) for a rule put without one. */
  id: string;
  pending: number;
  completed: number;
  failed: number;
  /** ISO 8601 time of the last completed copy, when there was one. */
  lastCompleted?: string;
}

export function buildReplicationProgressXml(rules: readonly ReplicationRuleProgress[]): string {
  return buildXml('ReplicationProgress', {
    Rule: rules.map((r) => ({
      ID: r.id, Pending: String(r.pending), Completed: String(r.completed), Failed: String(r.failed),
      ...(r.lastCompleted === undefined ? {} : { LastCompleted: r.lastCompleted }),
    })),
  });
}

/** Parses what buildReplicationProgressXml built (for clients such as the console). */
export function parseReplicationProgressXml(xml: string): XmlParseResult<ReplicationRuleProgress[]> {
  const parsed = parseXml(xml, ['ReplicationProgress.Rule']);
  if (!parsed.ok) return parsed;
  const root = emptyOr(parsed.value['ReplicationProgress']);
  if (!root) return { ok: false, reason: 'the root element must be ReplicationProgress' };
  const out: ReplicationRuleProgress[] = [];
  for (const node of list(root['Rule'])) {
    const r = emptyOr(node);
    if (!r) return { ok: false, reason: 'Rule must be an element' };
    const text = (n: string): string => (typeof r[n] === 'string' ? r[n] : '');
    const entry: ReplicationRuleProgress = { id: text('ID'), pending: Number(text('Pending')), completed: Number(text('Completed')), failed: Number(text('Failed')) };
    if (r['LastCompleted'] !== undefined) entry.lastCompleted = text('LastCompleted');
    out.push(entry);
  }
  return { ok: true, value: out };
}
