// PUT/GET Bucket referer body (hotlink protection). Docs: https://cloud.tencent.com/document/product/436/32492
// (PUT; English 436/31423), GET 436/32493 (English 436/30615). COS has no DELETE: it is switched off
// with Status Disabled. Values are kept verbatim and in order, and nothing absent is added on GET (the
// SDKs compare what they put with what they get: docs/cos-behaviour.md "How fidelity is judged").
import { buildXml, emptyOr, type XmlNode, type XmlObject, type XmlParseResult } from './codec';
import { isRefusal, optionalText, readRoot, refuse, strings } from './read';

export interface RefererConfiguration {
  /** Enabled | Disabled */
  status: string;
  /** Black-List | White-List */
  refererType: string;
  /** DomainList/Domain in order; undefined when the document had no DomainList. */
  domains?: string[];
  /** Allow | Deny; absent means Deny (436/31423), and stays absent on GET. */
  emptyReferConfiguration?: string;
}

const ROOT = 'RefererConfiguration';
const ARRAYS = [`${ROOT}.DomainList.Domain`];

const STATUSES = ['Enabled', 'Disabled'];
const TYPES = ['Black-List', 'White-List'];
const EMPTY = ['Allow', 'Deny'];

function parseDomains(node: XmlNode | undefined): string[] | undefined | null {
  if (node === undefined) return undefined;
  const domainList = emptyOr(node);
  return domainList ? (strings(domainList['Domain']) ?? null) : null;
}

/** Parses a RefererConfiguration; shape or enumeration problems give `ok: false` (MalformedXML). */
export function parseRefererXml(xml: string): XmlParseResult<RefererConfiguration> {
  const root = readRoot(xml, ROOT, ARRAYS, 'refused');
  if (isRefusal(root)) return root;
  const status = optionalText(root['Status']);
  const refererType = optionalText(root['RefererType']);
  const empty = optionalText(root['EmptyReferConfiguration']);
  const domains = parseDomains(root['DomainList']);
  if (status === null || refererType === null || empty === null || domains === null) return refuse('malformed RefererConfiguration');
  if (status === undefined || !STATUSES.includes(status)) return refuse('Status must be Enabled or Disabled');
  if (refererType === undefined || !TYPES.includes(refererType)) return refuse('RefererType must be Black-List or White-List');
  if (empty !== undefined && !EMPTY.includes(empty)) return refuse('EmptyReferConfiguration must be Allow or Deny');
  // Once hotlink protection is on, at least one domain is required (tencentcloud 436/32466).
  if (status === 'Enabled' && (domains === undefined || domains.length === 0)) return refuse('DomainList needs a Domain when Status is Enabled');
  if (domains?.some((d) => d.trim() === '')) return refuse('a Domain is empty');
  const value: RefererConfiguration = { status, refererType };
  if (domains !== undefined) value.domains = domains;
  if (empty !== undefined) value.emptyReferConfiguration = empty;
  return { ok: true, value };
}

/** Builds the GET Bucket referer body, elements in the order of the COS doc. */
export function buildRefererXml(config: RefererConfiguration): string {
  const body: XmlObject = { Status: config.status, RefererType: config.refererType };
  if (config.domains !== undefined) body['DomainList'] = config.domains.length > 0 ? { Domain: config.domains } : '';
  if (config.emptyReferConfiguration !== undefined) body['EmptyReferConfiguration'] = config.emptyReferConfiguration;
  return buildXml(ROOT, body);
}
