// PUT/GET Bucket lifecycle body (PUT 436/8280, GET 436/8278):
// LifecycleConfiguration{Rule+{ID?, Filter{Prefix | Tag | And{Prefix?, Tag+}}, Status, Transition*{Days|Date,
// StorageClass}, Expiration?{Days|Date|ExpiredObjectDeleteMarker}, NoncurrentVersionTransition*{NoncurrentDays,
// StorageClass}, NoncurrentVersionExpiration?{NoncurrentDays}, AbortIncompleteMultipartUpload?{DaysAfterInitiation}}}.
// Values stay verbatim strings (the SDK suites compare what they put with what they get); the meaning of the
// values is checked by src/shared/lifecycle/validate.ts. Elements COS documents but cos-local does not
// emulate (size and `PrefixNotEquals` filters, `AccessFrequency` transitions, 436/8280) are reported as
// `unsupported` (NotImplemented); any other unknown element is malformed.
import { buildXml, parseXml, type XmlNode, type XmlObject, type XmlParseResult, type XmlRefusal } from './codec';
import { element, isRefusal, readEach, refuse, textOf } from './read';

export interface LifecycleTag {
  key: string;
  value: string;
}

export type LifecycleFilter =
  | { kind: 'all' }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'tag'; tag: LifecycleTag }
  | { kind: 'and'; prefix?: string; tags: LifecycleTag[] };

export interface LifecycleTime {
  days?: string;
  date?: string;
}

export interface LifecycleTransition extends LifecycleTime {
  storageClass: string;
}

export interface LifecycleExpiration extends LifecycleTime {
  expiredObjectDeleteMarker?: string;
}

export interface NoncurrentTransition {
  noncurrentDays: string;
  storageClass: string;
}

export interface LifecycleRule {
  id?: string;
  filter: LifecycleFilter;
  status: string;
  transitions: LifecycleTransition[];
  expiration?: LifecycleExpiration;
  noncurrentVersionTransitions: NoncurrentTransition[];
  noncurrentVersionExpiration?: { noncurrentDays: string };
  abortIncompleteMultipartUpload?: { daysAfterInitiation: string };
}

export interface LifecycleConfiguration {
  rules: LifecycleRule[];
}

export type LifecycleParseResult = XmlParseResult<LifecycleConfiguration>;

const ROOT = 'LifecycleConfiguration';
const RULE = `${ROOT}.Rule`;
const ARRAYS = [RULE, `${RULE}.Transition`, `${RULE}.NoncurrentVersionTransition`, `${RULE}.Filter.And.Tag`];

function required(o: XmlObject, name: string, parent: string): string | XmlRefusal {
  const v = textOf(o, name);
  return v === undefined ? refuse(`${parent} needs ${name}`) : v;
}

function parseTag(node: XmlNode): LifecycleTag | XmlRefusal {
  const t = element(node, 'Tag', ['Key', 'Value']);
  if (isRefusal(t)) return t;
  const key = required(t, 'Key', 'Tag');
  const value = textOf(t, 'Value');
  if (isRefusal(key)) return key;
  if (isRefusal(value)) return value;
  return { key, value: value ?? '' };
}

const SIZE_FILTERS = ['PrefixNotEquals', 'ObjectSizeGreaterThan', 'ObjectSizeLessThan'];

function parseAnd(node: XmlNode | undefined): LifecycleFilter | XmlRefusal {
  const a = element(node, 'And', ['Prefix', 'Tag'], SIZE_FILTERS);
  if (isRefusal(a)) return a;
  const prefix = textOf(a, 'Prefix');
  if (isRefusal(prefix)) return prefix;
  const tags = readEach(a['Tag'], parseTag);
  if (isRefusal(tags)) return tags;
  return prefix === undefined ? { kind: 'and', tags } : { kind: 'and', prefix, tags };
}

function parseFilter(node: XmlNode | undefined): LifecycleFilter | XmlRefusal {
  const f = element(node, 'Filter', ['Prefix', 'Tag', 'And'], SIZE_FILTERS);
  if (isRefusal(f)) return f;
  const present = ['Prefix', 'Tag', 'And'].filter((n) => f[n] !== undefined);
  if (present.length > 1) return refuse('Filter takes exactly one of Prefix, Tag and And');
  if (f['And'] !== undefined) return parseAnd(f['And']);
  if (f['Tag'] !== undefined) {
    const t = parseTag(f['Tag']);
    return isRefusal(t) ? t : { kind: 'tag', tag: t };
  }
  const prefix = textOf(f, 'Prefix');
  if (isRefusal(prefix)) return prefix;
  return prefix === undefined ? { kind: 'all' } : { kind: 'prefix', prefix };
}

function parseTime<T extends LifecycleTime>(o: XmlObject, out: T): T | XmlRefusal {
  const days = textOf(o, 'Days');
  const date = textOf(o, 'Date');
  if (isRefusal(days)) return days;
  if (isRefusal(date)) return date;
  if (days !== undefined) out.days = days;
  if (date !== undefined) out.date = date;
  return out;
}

function parseTransition(node: XmlNode): LifecycleTransition | XmlRefusal {
  const t = element(node, 'Transition', ['Days', 'Date', 'StorageClass'], ['AccessFrequency']);
  if (isRefusal(t)) return t;
  const storageClass = required(t, 'StorageClass', 'Transition');
  return isRefusal(storageClass) ? storageClass : parseTime<LifecycleTransition>(t, { storageClass });
}

function parseExpiration(node: XmlNode): LifecycleExpiration | XmlRefusal {
  const e = element(node, 'Expiration', ['Days', 'Date', 'ExpiredObjectDeleteMarker']);
  if (isRefusal(e)) return e;
  const marker = textOf(e, 'ExpiredObjectDeleteMarker');
  if (isRefusal(marker)) return marker;
  return parseTime<LifecycleExpiration>(e, marker === undefined ? {} : { expiredObjectDeleteMarker: marker });
}

function parseNoncurrentTransition(node: XmlNode): NoncurrentTransition | XmlRefusal {
  const t = element(node, 'NoncurrentVersionTransition', ['NoncurrentDays', 'StorageClass'], ['AccessFrequency']);
  if (isRefusal(t)) return t;
  const noncurrentDays = required(t, 'NoncurrentDays', 'NoncurrentVersionTransition');
  const storageClass = required(t, 'StorageClass', 'NoncurrentVersionTransition');
  if (isRefusal(noncurrentDays)) return noncurrentDays;
  return isRefusal(storageClass) ? storageClass : { noncurrentDays, storageClass };
}

/** A single-valued child container of a rule (Expiration, NoncurrentVersionExpiration, …). */
function single<T>(o: XmlObject, name: string, parse: (n: XmlNode) => T | XmlRefusal): T | undefined | XmlRefusal {
  const v = o[name];
  if (v === undefined) return undefined;
  return Array.isArray(v) ? refuse(`a Rule takes one ${name}`) : parse(v);
}

function parseDaysElement<K extends string>(name: string, field: string, key: K): (n: XmlNode) => Record<K, string> | XmlRefusal {
  return (n) => {
    const o = element(n, name, [field], name === 'NoncurrentVersionExpiration' ? ['NewerNoncurrentVersions'] : []);
    if (isRefusal(o)) return o;
    const v = required(o, field, name);
    return isRefusal(v) ? v : ({ [key]: v } as Record<K, string>);
  };
}

const RULE_CHILDREN = ['ID', 'Filter', 'Status', 'Transition', 'Expiration', 'NoncurrentVersionTransition', 'NoncurrentVersionExpiration', 'AbortIncompleteMultipartUpload'];

function parseRule(node: XmlNode): LifecycleRule | XmlRefusal {
  // A rule-level Prefix is S3's legacy form; COS documents Filter only.
  const r = element(node, 'Rule', RULE_CHILDREN, ['Prefix']);
  if (isRefusal(r)) return r;
  const id = textOf(r, 'ID');
  const status = required(r, 'Status', 'Rule');
  if (isRefusal(id)) return id;
  if (isRefusal(status)) return status;
  if (r['Filter'] === undefined) return refuse('Rule needs a Filter');
  const filter = Array.isArray(r['Filter']) ? refuse('a Rule takes one Filter') : parseFilter(r['Filter']);
  const transitions = readEach(r['Transition'], parseTransition);
  const expiration = single(r, 'Expiration', parseExpiration);
  const noncurrentTransitions = readEach(r['NoncurrentVersionTransition'], parseNoncurrentTransition);
  const noncurrentExpiration = single(r, 'NoncurrentVersionExpiration', parseDaysElement('NoncurrentVersionExpiration', 'NoncurrentDays', 'noncurrentDays'));
  const abort = single(r, 'AbortIncompleteMultipartUpload', parseDaysElement('AbortIncompleteMultipartUpload', 'DaysAfterInitiation', 'daysAfterInitiation'));
  for (const v of [filter, transitions, expiration, noncurrentTransitions, noncurrentExpiration, abort]) if (isRefusal(v)) return v;
  const rule: LifecycleRule = {
    filter: filter as LifecycleFilter, status,
    transitions: transitions as LifecycleTransition[], noncurrentVersionTransitions: noncurrentTransitions as NoncurrentTransition[],
  };
  if (id !== undefined) rule.id = id;
  if (expiration !== undefined) rule.expiration = expiration as LifecycleExpiration;
  if (noncurrentExpiration !== undefined) rule.noncurrentVersionExpiration = noncurrentExpiration as { noncurrentDays: string };
  if (abort !== undefined) rule.abortIncompleteMultipartUpload = abort as { daysAfterInitiation: string };
  return rule;
}

/** COS accepts at most 1000 rules (436/8280). */
export const MAX_LIFECYCLE_RULES = 1000;

export function parseLifecycleXml(xml: string): LifecycleParseResult {
  const parsed = parseXml(xml, ARRAYS);
  if (!parsed.ok) return parsed;
  const root = element(parsed.value[ROOT], ROOT, ['Rule']);
  if (isRefusal(root)) return root;
  const rules = readEach(root['Rule'], parseRule, 'Rule');
  if (isRefusal(rules)) return rules;
  if (rules.length > MAX_LIFECYCLE_RULES) return refuse(`at most ${MAX_LIFECYCLE_RULES} rules are allowed`);
  return { ok: true, value: { rules } };
}

const tagXml = (t: LifecycleTag): XmlObject => ({ Key: t.key, Value: t.value });

function filterXml(f: LifecycleFilter): XmlNode {
  switch (f.kind) {
    case 'all':
      return '';
    case 'prefix':
      return { Prefix: f.prefix };
    case 'tag':
      return { Tag: tagXml(f.tag) };
    case 'and':
      return { And: { ...(f.prefix === undefined ? {} : { Prefix: f.prefix }), Tag: f.tags.map(tagXml) } };
  }
}

function timeXml(t: LifecycleTime): XmlObject {
  return { ...(t.days === undefined ? {} : { Days: t.days }), ...(t.date === undefined ? {} : { Date: t.date }) };
}

/** The GET Bucket lifecycle body, elements in the order of the COS doc. */
export function buildLifecycleXml(config: LifecycleConfiguration): string {
  const rules = config.rules.map((r) => {
    const o: XmlObject = {};
    if (r.id !== undefined) o['ID'] = r.id;
    o['Filter'] = filterXml(r.filter);
    o['Status'] = r.status;
    if (r.transitions.length > 0) o['Transition'] = r.transitions.map((t) => ({ ...timeXml(t), StorageClass: t.storageClass }));
    if (r.expiration) {
      const e = r.expiration;
      o['Expiration'] = { ...timeXml(e), ...(e.expiredObjectDeleteMarker === undefined ? {} : { ExpiredObjectDeleteMarker: e.expiredObjectDeleteMarker }) };
    }
    if (r.noncurrentVersionTransitions.length > 0) {
      o['NoncurrentVersionTransition'] = r.noncurrentVersionTransitions.map((t) => ({ NoncurrentDays: t.noncurrentDays, StorageClass: t.storageClass }));
    }
    if (r.noncurrentVersionExpiration) o['NoncurrentVersionExpiration'] = { NoncurrentDays: r.noncurrentVersionExpiration.noncurrentDays };
    if (r.abortIncompleteMultipartUpload) {
      o['AbortIncompleteMultipartUpload'] = { DaysAfterInitiation: r.abortIncompleteMultipartUpload.daysAfterInitiation };
    }
    return o;
  });
  return buildXml(ROOT, { Rule: rules });
}
