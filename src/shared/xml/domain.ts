// PUT/GET Bucket domain body (custom domains). Docs: https://cloud.tencent.com/document/product/436/35868
// (PUT) and GET Bucket domain (its sample answers DomainRule{Status, Name, Type}); ForcedReplacement CNAME|TXT
// comes from the SDK docs (cos-nodejs-sdk-v5 index.d.ts DomainRule, cos-go-sdk-v5 BucketDomainRule,
// whose GET test sample returns it). Values are kept verbatim and rules in order.
import { buildXml, child, type XmlNode, type XmlObject, type XmlParseResult, type XmlRefusal } from './codec';
import { isRefusal, optionalText, readEach, readRoot, refuse } from './read';

export interface DomainRule {
  /** ENABLED | DISABLED */
  status: string;
  /** The full domain name, as sent (case kept). */
  name: string;
  /** REST | WEBSITE | ACCELERATE */
  type: string;
  /** CNAME | TXT: take the name over from the bucket that has it (436/35868). */
  forcedReplacement?: string;
}

export interface DomainConfiguration {
  rules: DomainRule[];
}

const ROOT = 'DomainConfiguration';
const ARRAYS = [`${ROOT}.DomainRule`];

export const DOMAIN_STATUSES = ['ENABLED', 'DISABLED'];
export const DOMAIN_TYPES = ['REST', 'WEBSITE', 'ACCELERATE'];
export const FORCED_REPLACEMENTS = ['CNAME', 'TXT'];

function parseRule(node: XmlNode): DomainRule | XmlRefusal {
  const r = child(node);
  if (!r) return refuse('DomainRule must be an element');
  const status = optionalText(r['Status']);
  const name = optionalText(r['Name']);
  const type = optionalText(r['Type']);
  const forced = optionalText(r['ForcedReplacement']);
  if (status === null || name === null || type === null || forced === null) return refuse('malformed DomainRule');
  if (status === undefined || !DOMAIN_STATUSES.includes(status)) return refuse('Status must be ENABLED or DISABLED');
  if (name === undefined || name === '') return refuse('Name is required');
  if (type === undefined || !DOMAIN_TYPES.includes(type)) return refuse('Type must be REST, WEBSITE or ACCELERATE');
  if (forced !== undefined && !FORCED_REPLACEMENTS.includes(forced)) return refuse('ForcedReplacement must be CNAME or TXT');
  const rule: DomainRule = { status, name, type };
  if (forced !== undefined) rule.forcedReplacement = forced;
  return rule;
}

/** Parses a DomainConfiguration; shape or enumeration problems give `ok: false` (MalformedXML). */
export function parseDomainXml(xml: string): XmlParseResult<DomainConfiguration> {
  const root = readRoot(xml, ROOT, ARRAYS);
  if (isRefusal(root)) return root;
  const rules = readEach(root['DomainRule'], parseRule, 'DomainRule');
  return isRefusal(rules) ? rules : { ok: true, value: { rules } };
}

/** Builds the GET Bucket domain body, elements in the order of the COS doc. */
export function buildDomainXml(config: DomainConfiguration): string {
  const rules = config.rules.map((r) => {
    const o: XmlObject = { Status: r.status, Name: r.name, Type: r.type };
    if (r.forcedReplacement !== undefined) o['ForcedReplacement'] = r.forcedReplacement;
    return o;
  });
  return buildXml(ROOT, { DomainRule: rules });
}
