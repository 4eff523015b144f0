// PUT/GET Bucket website body (static website). Docs: https://cloud.tencent.com/document/product/436/31930
// (PUT, Chinese: adds ErrorDocument/Charity404 and Redirect/URLRedirect), English 436/30617 (PUT) and
// 436/30616 (GET). Values are kept verbatim (the SDK suites compare what they put with what they get:
// docs/cos-behaviour.md "How fidelity is judged"); elements come back in the doc's order and nothing
// absent is added.
import { buildXml, child, emptyOr, type XmlNode, type XmlObject, type XmlParseResult, type XmlRefusal } from './codec';
import { isRefusal, readEach, readRoot, refuse } from './read';

export interface WebsiteRoutingRule {
  /** Exactly one of the two (436/30617). */
  condition: { httpErrorCodeReturnedEquals?: string; keyPrefixEquals?: string };
  /** Exactly one of replaceKeyWith / replaceKeyPrefixWith. */
  redirect: { protocol?: string; replaceKeyWith?: string; replaceKeyPrefixWith?: string; urlRedirect?: string };
}

export interface WebsiteConfiguration {
  indexDocument: { suffix: string };
  redirectAllRequestsTo?: { protocol: string };
  autoAddressing?: { status: string };
  errorDocument?: { key: string; charity404?: string; originalHttpStatus?: string };
  /** undefined when absent; [] for an empty RoutingRules element. */
  routingRules?: WebsiteRoutingRule[];
}

const ROOT = 'WebsiteConfiguration';
const ARRAYS = [`${ROOT}.RoutingRules.RoutingRule`];

type Fields = Record<string, string>;

/** A container whose children are all text: its fields, or a refusal. */
function textFields(node: XmlNode | undefined, name: string, allowed: readonly string[]): Fields | XmlRefusal {
  const obj = emptyOr(node);
  if (!obj) return refuse(`${name} must be an element`);
  const out: Fields = {};
  for (const [k, v] of Object.entries(obj)) {
    if (!allowed.includes(k)) continue; // unknown elements are ignored, as the CORS codec does
    if (typeof v !== 'string') return refuse(`${name}.${k} must be text`);
    out[k] = v;
  }
  return out;
}

function parseRule(node: XmlNode): WebsiteRoutingRule | XmlRefusal {
  const r = child(node);
  if (!r) return refuse('RoutingRule must be an element');
  const c = textFields(r['Condition'] ?? '', 'Condition', ['HttpErrorCodeReturnedEquals', 'KeyPrefixEquals']);
  const d = textFields(r['Redirect'] ?? '', 'Redirect', ['Protocol', 'ReplaceKeyWith', 'ReplaceKeyPrefixWith', 'URLRedirect']);
  if (isRefusal(c)) return c;
  if (isRefusal(d)) return d;
  const condition: WebsiteRoutingRule['condition'] = {};
  if (c['HttpErrorCodeReturnedEquals'] !== undefined) condition.httpErrorCodeReturnedEquals = c['HttpErrorCodeReturnedEquals'];
  if (c['KeyPrefixEquals'] !== undefined) condition.keyPrefixEquals = c['KeyPrefixEquals'];
  const redirect: WebsiteRoutingRule['redirect'] = {};
  if (d['Protocol'] !== undefined) redirect.protocol = d['Protocol'];
  if (d['ReplaceKeyWith'] !== undefined) redirect.replaceKeyWith = d['ReplaceKeyWith'];
  if (d['ReplaceKeyPrefixWith'] !== undefined) redirect.replaceKeyPrefixWith = d['ReplaceKeyPrefixWith'];
  if (d['URLRedirect'] !== undefined) redirect.urlRedirect = d['URLRedirect'];
  return { condition, redirect };
}

function parseBody(root: XmlObject): WebsiteConfiguration | XmlRefusal {
  if (root['IndexDocument'] === undefined) return refuse('IndexDocument is required');
  const index = textFields(root['IndexDocument'], 'IndexDocument', ['Suffix']);
  if (isRefusal(index)) return index;
  if (index['Suffix'] === undefined) return refuse('IndexDocument.Suffix is required');
  const config: WebsiteConfiguration = { indexDocument: { suffix: index['Suffix'] } };
  if (root['RedirectAllRequestsTo'] !== undefined) {
    const f = textFields(root['RedirectAllRequestsTo'], 'RedirectAllRequestsTo', ['Protocol']);
    if (isRefusal(f)) return f;
    if (f['Protocol'] === undefined) return refuse('RedirectAllRequestsTo.Protocol is required');
    config.redirectAllRequestsTo = { protocol: f['Protocol'] };
  }
  if (root['AutoAddressing'] !== undefined) {
    const f = textFields(root['AutoAddressing'], 'AutoAddressing', ['Status']);
    if (isRefusal(f)) return f;
    if (f['Status'] === undefined) return refuse('AutoAddressing.Status is required');
    config.autoAddressing = { status: f['Status'] };
  }
  if (root['ErrorDocument'] !== undefined) {
    const f = textFields(root['ErrorDocument'], 'ErrorDocument', ['Key', 'Charity404', 'OriginalHttpStatus']);
    if (isRefusal(f)) return f;
    if (f['Key'] === undefined) return refuse('ErrorDocument.Key is required');
    const doc: NonNullable<WebsiteConfiguration['errorDocument']> = { key: f['Key'] };
    if (f['Charity404'] !== undefined) doc.charity404 = f['Charity404'];
    if (f['OriginalHttpStatus'] !== undefined) doc.originalHttpStatus = f['OriginalHttpStatus'];
    config.errorDocument = doc;
  }
  if (root['RoutingRules'] !== undefined) {
    const container = emptyOr(root['RoutingRules']);
    if (!container) return refuse('RoutingRules must be an element');
    const rules = readEach(container['RoutingRule'], parseRule);
    if (isRefusal(rules)) return rules;
    config.routingRules = rules;
  }
  return config;
}

/** Parses a WebsiteConfiguration's shape; semantic checks are validateWebsite's (src/cos-local/website/validate.ts). */
export function parseWebsiteXml(xml: string): XmlParseResult<WebsiteConfiguration> {
  const root = readRoot(xml, ROOT, ARRAYS);
  if (isRefusal(root)) return root;
  const config = parseBody(root);
  return isRefusal(config) ? config : { ok: true, value: config };
}

function ruleXml(rule: WebsiteRoutingRule): XmlObject {
  const condition: XmlObject = {};
  if (rule.condition.httpErrorCodeReturnedEquals !== undefined) condition['HttpErrorCodeReturnedEquals'] = rule.condition.httpErrorCodeReturnedEquals;
  if (rule.condition.keyPrefixEquals !== undefined) condition['KeyPrefixEquals'] = rule.condition.keyPrefixEquals;
  const redirect: XmlObject = {};
  const r = rule.redirect;
  if (r.protocol !== undefined) redirect['Protocol'] = r.protocol;
  if (r.replaceKeyWith !== undefined) redirect['ReplaceKeyWith'] = r.replaceKeyWith;
  if (r.replaceKeyPrefixWith !== undefined) redirect['ReplaceKeyPrefixWith'] = r.replaceKeyPrefixWith;
  if (r.urlRedirect !== undefined) redirect['URLRedirect'] = r.urlRedirect;
  return { Condition: condition, Redirect: redirect };
}

/** Builds the GET Bucket website body, elements in the order of the COS doc. */
export function buildWebsiteXml(config: WebsiteConfiguration): string {
  const body: XmlObject = { IndexDocument: { Suffix: config.indexDocument.suffix } };
  if (config.redirectAllRequestsTo) body['RedirectAllRequestsTo'] = { Protocol: config.redirectAllRequestsTo.protocol };
  if (config.autoAddressing) body['AutoAddressing'] = { Status: config.autoAddressing.status };
  const e = config.errorDocument;
  if (e) {
    const doc: XmlObject = { Key: e.key };
    if (e.charity404 !== undefined) doc['Charity404'] = e.charity404;
    if (e.originalHttpStatus !== undefined) doc['OriginalHttpStatus'] = e.originalHttpStatus;
    body['ErrorDocument'] = doc;
  }
  if (config.routingRules) body['RoutingRules'] = config.routingRules.length > 0 ? { RoutingRule: config.routingRules.map(ruleXml) } : '';
  return buildXml(ROOT, body);
}
