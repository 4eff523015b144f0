// PUT/GET Bucket replication body (PUT 436/19223, GET 436/19222):
// ReplicationConfiguration{Role, Rule+{Status, Priority?, ID?, Prefix?, Destination{Bucket, StorageClass?},
// DeleteMarkerReplication?{Status}}}. Values stay verbatim strings; their meaning is checked by
// src/shared/replication/validate.ts. The KMS parts of the doc (Destination.EncryptionConfiguration,
// SourceSelectionCriteria) need a key service cos-local does not have: reported as `unsupported`
// (NotImplemented). Any other unknown element is malformed.
import { buildXml, emptyOr, parseXml, text, type XmlNode, type XmlObject, type XmlParseResult, type XmlRefusal } from './codec';
import { element, isRefusal, readEach, readRoot, refuse, textOf } from './read';

export interface ReplicationDestination {
  /** `qcs::cos:<region>::<bucket-appid>` or `qcs:id/0:cos:<region>:appid/<appid>:<bucket>`, as sent. */
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

export type ReplicationParseResult = XmlParseResult<ReplicationConfiguration>;

const ROOT = 'ReplicationConfiguration';
/** Why replication's unsupported elements are refused: they need a key service. */
const KMS = 'SSE-KMS';

function parseDestination(node: XmlNode | undefined): ReplicationDestination | XmlRefusal {
  if (node === undefined) return refuse('Rule needs a Destination');
  const d = element(node, 'Destination', ['Bucket', 'StorageClass'], ['EncryptionConfiguration'], KMS);
  if (isRefusal(d)) return d;
  const bucket = textOf(d, 'Bucket');
  const storageClass = textOf(d, 'StorageClass');
  if (isRefusal(bucket)) return bucket;
  if (isRefusal(storageClass)) return storageClass;
  if (bucket === undefined) return refuse('Destination needs a Bucket');
  return storageClass === undefined ? { bucket } : { bucket, storageClass };
}

function parseRule(node: XmlNode): ReplicationRule | XmlRefusal {
  const r = element(node, 'Rule', ['Status', 'Priority', 'ID', 'Prefix', 'Destination', 'DeleteMarkerReplication'], ['SourceSelectionCriteria'], KMS);
  if (isRefusal(r)) return r;
  const texts = ['Status', 'Priority', 'ID', 'Prefix'].map((n) => textOf(r, n));
  const bad = texts.find(isRefusal);
  if (bad) return bad;
  const [status, priority, id, prefix] = texts as (string | undefined)[];
  if (status === undefined) return refuse('Rule needs a Status');
  const destination = parseDestination(r['Destination']);
  if (isRefusal(destination)) return destination;
  const rule: ReplicationRule = { status, destination };
  if (priority !== undefined) rule.priority = priority;
  if (id !== undefined) rule.id = id;
  if (prefix !== undefined) rule.prefix = prefix;
  if (r['DeleteMarkerReplication'] !== undefined) {
    const m = element(r['DeleteMarkerReplication'], 'DeleteMarkerReplication', ['Status']);
    if (isRefusal(m)) return m;
    const s = textOf(m, 'Status');
    if (isRefusal(s)) return s;
    if (s === undefined) return refuse('DeleteMarkerReplication needs a Status');
    rule.deleteMarkerReplication = s;
  }
  return rule;
}

export function parseReplicationXml(xml: string): ReplicationParseResult {
  const parsed = parseXml(xml, [`${ROOT}.Rule`]);
  if (!parsed.ok) return parsed;
  const root = element(parsed.value[ROOT], ROOT, ['Role', 'Rule']);
  if (isRefusal(root)) return root;
  const role = textOf(root, 'Role');
  if (isRefusal(role)) return role;
  if (role === undefined) return refuse('a Role is required');
  const rules = readEach(root['Rule'], parseRule, 'Rule');
  return isRefusal(rules) ? rules : { ok: true, value: { role, rules } };
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

function parseProgress(node: XmlNode): ReplicationRuleProgress | XmlRefusal {
  const r = emptyOr(node);
  if (!r) return refuse('Rule must be an element');
  const entry: ReplicationRuleProgress = {
    id: text(r['ID']), pending: Number(text(r['Pending'])), completed: Number(text(r['Completed'])), failed: Number(text(r['Failed'])),
  };
  if (r['LastCompleted'] !== undefined) entry.lastCompleted = text(r['LastCompleted']);
  return entry;
}

/** Parses what buildReplicationProgressXml built (for clients such as the console). */
export function parseReplicationProgressXml(xml: string): XmlParseResult<ReplicationRuleProgress[]> {
  const root = readRoot(xml, 'ReplicationProgress', ['ReplicationProgress.Rule']);
  if (isRefusal(root)) return root;
  const rules = readEach(root['Rule'], parseProgress);
  return isRefusal(rules) ? rules : { ok: true, value: rules };
}
