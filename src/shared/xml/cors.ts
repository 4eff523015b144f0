// PUT/GET Bucket cors body. Docs: https://cloud.tencent.com/document/product/436/8279 (PUT),
// https://cloud.tencent.com/document/product/436/8274 (GET).
// Values are kept verbatim and lists in their order (the SDK suites compare what they put with
// what they get); element order in the input is free (cos-js-sdk-v5 puts MaxAgeSeconds first).
import { buildXml, child, type XmlNode, type XmlObject, type XmlParseResult, type XmlRefusal } from './codec';
import { isRefusal, optionalText, readEach, readRoot, refuse, strings } from './read';

export interface CorsRule {
  id?: string;
  allowedOrigins: string[];
  allowedMethods: string[];
  allowedHeaders: string[];
  exposeHeaders: string[];
  maxAgeSeconds?: string;
}

export interface CorsConfiguration {
  rules: CorsRule[];
  /** `true`/`false` as sent; absent when not sent (no added defaults). */
  responseVary?: string;
}

const ROOT = 'CORSConfiguration';
const RULE = `${ROOT}.CORSRule`;
const ARRAYS = [RULE, ...['AllowedOrigin', 'AllowedMethod', 'AllowedHeader', 'ExposeHeader'].map((n) => `${RULE}.${n}`)];

/** COS accepts at most 100 rules (436/8279). */
export const MAX_CORS_RULES = 100;

function parseRule(node: XmlNode): CorsRule | XmlRefusal {
  const r = child(node);
  if (!r) return refuse('CORSRule must be an element');
  const origins = strings(r['AllowedOrigin']);
  const methods = strings(r['AllowedMethod']);
  const headers = strings(r['AllowedHeader']);
  const expose = strings(r['ExposeHeader']);
  const id = optionalText(r['ID']);
  const maxAge = optionalText(r['MaxAgeSeconds']);
  if (!origins || !methods || !headers || !expose || id === null || maxAge === null) return refuse('malformed CORSRule');
  if (origins.length === 0) return refuse('CORSRule needs an AllowedOrigin');
  if (methods.length === 0) return refuse('CORSRule needs an AllowedMethod');
  const rule: CorsRule = { allowedOrigins: origins, allowedMethods: methods, allowedHeaders: headers, exposeHeaders: expose };
  if (id !== undefined) rule.id = id;
  if (maxAge !== undefined) rule.maxAgeSeconds = maxAge;
  return rule;
}

/** Parses a CORSConfiguration document; structural problems give `ok: false` (MalformedXML). */
export function parseCorsXml(xml: string): XmlParseResult<CorsConfiguration> {
  // An empty root (`<CORSConfiguration/>`) is refused for having no rule.
  const root = readRoot(xml, ROOT, ARRAYS);
  if (isRefusal(root)) return root;
  const rules = readEach(root['CORSRule'], parseRule, 'CORSRule');
  if (isRefusal(rules)) return rules;
  if (rules.length > MAX_CORS_RULES) return refuse(`at most ${MAX_CORS_RULES} CORSRule are allowed`);
  const vary = optionalText(root['ResponseVary']);
  if (vary === null) return refuse('ResponseVary must be text');
  return { ok: true, value: vary === undefined ? { rules } : { rules, responseVary: vary } };
}

/** Builds the GET Bucket cors body, elements in the order of the COS doc. */
export function buildCorsXml(config: CorsConfiguration): string {
  const rules = config.rules.map((r) => {
    const o: XmlObject = {};
    if (r.id !== undefined) o['ID'] = r.id;
    o['AllowedOrigin'] = r.allowedOrigins;
    o['AllowedMethod'] = r.allowedMethods;
    if (r.allowedHeaders.length > 0) o['AllowedHeader'] = r.allowedHeaders;
    if (r.exposeHeaders.length > 0) o['ExposeHeader'] = r.exposeHeaders;
    if (r.maxAgeSeconds !== undefined) o['MaxAgeSeconds'] = r.maxAgeSeconds;
    return o;
  });
  const body: XmlObject = { CORSRule: rules };
  if (config.responseVary !== undefined) body['ResponseVary'] = config.responseVary;
  return buildXml(ROOT, body);
}
