// PUT/GET Bucket encryption body: `ServerSideEncryptionConfiguration{Rule{ApplyServerSideEncryptionByDefault{
// SSEAlgorithm, KMSMasterKeyID?, KMSAlgorithm?}}}` (PUT 436/40136, GET 436/40137 — the same document is
// returned). Values are kept verbatim.
//
// A Rule's other children are ignored: cos-nodejs-sdk-v5's own suite (test/test.js, group
// "putBucketEncryption getBucketEncryption") puts a Rule whose only child is a misspelt
// `ApplySideEncryptionConfiguration` and expects COS to accept it. Such a rule carries no default
// and so encrypts nothing.
import { buildXml, emptyOr, type XmlNode, type XmlObject, type XmlParseResult, type XmlRefusal } from './codec';
import { isRefusal, optionalText, readEach, readRoot, refuse } from './read';

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

function parseDefault(node: XmlNode): EncryptionDefault | XmlRefusal {
  const d = emptyOr(node);
  if (!d) return refuse(`${BY_DEFAULT} must be an element`);
  const algorithm = optionalText(d['SSEAlgorithm']);
  const keyId = optionalText(d['KMSMasterKeyID']);
  const kmsAlgorithm = optionalText(d['KMSAlgorithm']);
  if (algorithm === undefined || algorithm === null) return refuse(`${BY_DEFAULT} needs an SSEAlgorithm`);
  if (keyId === null || kmsAlgorithm === null) return refuse(`malformed ${BY_DEFAULT}`);
  const out: EncryptionDefault = { sseAlgorithm: algorithm };
  if (keyId !== undefined) out.kmsMasterKeyId = keyId;
  if (kmsAlgorithm !== undefined) out.kmsAlgorithm = kmsAlgorithm;
  return out;
}

function parseRule(node: XmlNode): EncryptionRule | XmlRefusal {
  const r = emptyOr(node);
  if (!r) return refuse('Rule must be an element');
  if (r[BY_DEFAULT] === undefined) return {};
  const d = parseDefault(r[BY_DEFAULT]);
  return isRefusal(d) ? d : { applyByDefault: d };
}

/** Parses the document; structural problems give `ok: false` (MalformedXML). */
export function parseEncryptionXml(xml: string): XmlParseResult<EncryptionConfiguration> {
  const root = readRoot(xml, ROOT, [`${ROOT}.Rule`]);
  if (isRefusal(root)) return root;
  const rules = readEach(root['Rule'], parseRule);
  if (isRefusal(rules)) return rules;
  if (rules.length === 0) return refuse('a Rule is required');
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
