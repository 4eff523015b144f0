// PUT/GET Bucket encryption body: `ServerSideEncryptionConfiguration{Rule{ApplyServerSideEncryptionByDefault{
// SSEAlgorithm, KMSMasterKeyID?, KMSAlgorithm?}}}` (PUT 436/40136, GET 436/40137 — the same document is
// returned). Values are kept verbatim.
//
// A Rule's other children are ignored: cos-nodejs-sdk-v5's own suite (test/test.js, group
// "putBucketEncryption getBucketEncryption") puts a Rule whose only child is a misspelt
// `ApplySideEncryptionConfiguration` and expects COS to accept it. Such a rule carries no default
// and so encrypts nothing.
import { buildXml, emptyOr, list, parseXml, type XmlObject, type XmlParseResult } from './codec';

export interface EncryptionDefault {
  /** `AES256` (SSE-COS), `SM4` (SSE-COS with SM4) or `KMS` (SSE-KMS), as sent. */
  sseAlgorithm: string;
  kmsMasterKeyId?: string;
  kmsAlgorithm?: string;
}

export interface EncryptionRule {
  applyByDefault?: EncryptionDefault;
}

export interface EncryptionConfiguration {
  rules: EncryptionRule[];
}

const ROOT = 'ServerSideEncryptionConfiguration';
const BY_DEFAULT = 'ApplyServerSideEncryptionByDefault';

function optionalText(o: XmlObject, name: string): string | undefined | null {
  const v = o[name];
  if (v === undefined) return undefined;
  return typeof v === 'string' ? v : null;
}

function parseDefault(node: XmlObject[string]): EncryptionDefault | string {
  const d = emptyOr(node);
  if (!d) return `${BY_DEFAULT} must be an element`;
  const algorithm = optionalText(d, 'SSEAlgorithm');
  const keyId = optionalText(d, 'KMSMasterKeyID');
  const kmsAlgorithm = optionalText(d, 'KMSAlgorithm');
  if (algorithm === undefined || algorithm === null) return `${BY_DEFAULT} needs an SSEAlgorithm`;
  if (keyId === null || kmsAlgorithm === null) return `malformed ${BY_DEFAULT}`;
  const out: EncryptionDefault = { sseAlgorithm: algorithm };
  if (keyId !== undefined) out.kmsMasterKeyId = keyId;
  if (kmsAlgorithm !== undefined) out.kmsAlgorithm = kmsAlgorithm;
  return out;
}

/** Parses the document; structural problems give `ok: false` (MalformedXML). */
export function parseEncryptionXml(xml: string): XmlParseResult<EncryptionConfiguration> {
  const parsed = parseXml(xml, [`${ROOT}.Rule`]);
  if (!parsed.ok) return parsed;
  const root = emptyOr(parsed.value[ROOT]);
  if (!root) return { ok: false, reason: `the root element must be ${ROOT}` };
  const rules: EncryptionRule[] = [];
  for (const node of list(root['Rule'])) {
    const r = emptyOr(node);
    if (!r) return { ok: false, reason: 'Rule must be an element' };
    if (r[BY_DEFAULT] === undefined) {
      rules.push({});
      continue;
    }
    const d = parseDefault(r[BY_DEFAULT]);
    if (typeof d === 'string') return { ok: false, reason: d };
    rules.push({ applyByDefault: d });
  }
  if (rules.length === 0) return { ok: false, reason: 'a Rule is required' };
  return { ok: true, value: { rules } };
}

/** The GET Bucket encryption body, elements in the order of the COS doc. */
export function buildEncryptionXml(config: EncryptionConfiguration): string {
  const rules = config.rules.map((r): XmlObject => {
    const d = r.applyByDefault;
    if (!d) return {};
    const o: XmlObject = { SSEAlgorithm: d.sseAlgorithm };
    if (d.kmsMasterKeyId !== undefined) o['KMSMasterKeyID'] = d.kmsMasterKeyId;
    if (d.kmsAlgorithm !== undefined) o['KMSAlgorithm'] = d.kmsAlgorithm;
    return { [BY_DEFAULT]: o };
  });
  return buildXml(ROOT, { Rule: rules });
}

/** The algorithm new objects get when their request names none: the first rule with a default. */
export function defaultAlgorithm(config: EncryptionConfiguration): string | undefined {
  return config.rules.find((r) => r.applyByDefault)?.applyByDefault?.sseAlgorithm;
}
