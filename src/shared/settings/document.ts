// "Settings as code": a bucket's settings as one JSON document, exported from one bucket and applied to
// others. Each setting's value is the shared XML codec's configuration type, kept verbatim (replication's
// destination and role name another bucket and account and are never rewritten). `null` says "explicitly
// none: delete it" for the settings COS can DELETE; referer has no DELETE (it is switched off with Status
// Disabled) and versioning cannot be removed, only Suspended. A setting absent from the document is left
// alone. There is one spelling for "none": an empty rule or tag list is refused in favour of `null`.
import { validateCors } from '../cors/validate';
import { validateLifecycle } from '../lifecycle/validate';
import { parseRole, validateReplication } from '../replication/validate';
import { buildCorsXml, parseCorsXml, type CorsConfiguration } from '../xml/cors';
import { buildDomainXml, DOMAIN_STATUSES, DOMAIN_TYPES, FORCED_REPLACEMENTS, parseDomainXml, type DomainConfiguration } from '../xml/domain';
import { buildEncryptionXml, parseEncryptionXml, type EncryptionConfiguration } from '../xml/encryption';
import { buildLifecycleXml, parseLifecycleXml, type LifecycleConfiguration } from '../xml/lifecycle';
import { buildRefererXml, parseRefererXml, type RefererConfiguration } from '../xml/referer';
import { buildReplicationXml, parseReplicationXml, type ReplicationConfiguration } from '../xml/replication';
import { buildTaggingXml, parseTaggingXml, type XmlTag } from '../xml/tagging';
import type { VersioningStatus } from '../xml/versioning';
import { buildWebsiteXml, parseWebsiteXml, type WebsiteConfiguration } from '../xml/website';
import type { XmlParseResult } from '../xml/codec';
import { checkShape, isRecord, list, normalize, obj, opt, req, str, type PathError, type Shape } from './shape';

export const SETTINGS_FORMAT = 'cos-console/bucket-settings';
export const SETTINGS_VERSION = 1;

/** A bucket's settings as read from it; `null` = none configured (versioning: never enabled). */
export interface Settings {
  cors: CorsConfiguration | null;
  referer: RefererConfiguration | null;
  website: WebsiteConfiguration | null;
  domain: DomainConfiguration | null;
  versioning: VersioningStatus | null;
  replication: ReplicationConfiguration | null;
  lifecycle: LifecycleConfiguration | null;
  tagging: XmlTag[] | null;
  encryption: EncryptionConfiguration | null;
}

export type SettingName = keyof Settings;

/** The settings of a document: absent = leave alone, `null` = delete (not for referer and versioning). */
export interface DocumentSettings {
  cors?: CorsConfiguration | null;
  referer?: RefererConfiguration;
  website?: WebsiteConfiguration | null;
  domain?: DomainConfiguration | null;
  versioning?: VersioningStatus;
  replication?: ReplicationConfiguration | null;
  lifecycle?: LifecycleConfiguration | null;
  tagging?: XmlTag[] | null;
  encryption?: EncryptionConfiguration | null;
}

export interface BucketSettingsDocument {
  format: typeof SETTINGS_FORMAT;
  version: typeof SETTINGS_VERSION;
  settings: DocumentSettings;
}

export type SettingsDocumentParse = { ok: true; value: BucketSettingsDocument } | { ok: false; errors: PathError[] };
export type { PathError };

/** Every setting, in the order a document lists them. */
export const SETTING_NAMES: readonly SettingName[] = ['cors', 'referer', 'website', 'domain', 'versioning', 'replication', 'lifecycle', 'tagging', 'encryption'];

const ENABLED_DISABLED = ['Enabled', 'Disabled'];
const tag = obj(req('key', str()), req('value', str()));

/** The JSON shape of each setting; `set` marks lists whose order COS ignores. */
export const SETTING_SHAPES: Readonly<Record<SettingName, Shape>> = {
  cors: obj(
    req('rules', list(obj(
      opt('id', str()),
      // Each list is matched "any of", so its order does not matter; the rules themselves are ordered
      // (the first matching rule answers).
      req('allowedOrigins', list(str(), true)),
      req('allowedMethods', list(str(), true)),
      req('allowedHeaders', list(str(), true)),
      req('exposeHeaders', list(str(), true)),
      opt('maxAgeSeconds', str()),
    ))),
    opt('responseVary', str()),
  ),
  referer: obj(
    req('status', str(ENABLED_DISABLED)),
    req('refererType', str(['Black-List', 'White-List'])),
    opt('domains', list(str(), true)),
    opt('emptyReferConfiguration', str(['Allow', 'Deny'])),
  ),
  website: obj(
    req('indexDocument', obj(req('suffix', str()))),
    opt('redirectAllRequestsTo', obj(req('protocol', str()))),
    opt('autoAddressing', obj(req('status', str()))),
    opt('errorDocument', obj(req('key', str()), opt('charity404', str()), opt('originalHttpStatus', str()))),
    opt('routingRules', list(obj(
      req('condition', obj(opt('httpErrorCodeReturnedEquals', str()), opt('keyPrefixEquals', str()))),
      req('redirect', obj(opt('protocol', str()), opt('replaceKeyWith', str()), opt('replaceKeyPrefixWith', str()), opt('urlRedirect', str()))),
    ))),
  ),
  domain: obj(req('rules', list(obj(
    req('status', str(DOMAIN_STATUSES)),
    req('name', str()),
    req('type', str(DOMAIN_TYPES)),
    opt('forcedReplacement', str(FORCED_REPLACEMENTS)),
  )))),
  versioning: str(['Enabled', 'Suspended']),
  replication: obj(
    req('role', str()),
    req('rules', list(obj(
      opt('id', str()),
      req('status', str(ENABLED_DISABLED)),
      opt('priority', str()),
      opt('prefix', str()),
      req('destination', obj(req('bucket', str()), opt('storageClass', str()))),
      opt('deleteMarkerReplication', str(ENABLED_DISABLED)),
    ))),
  ),
  lifecycle: obj(req('rules', list(obj(
    opt('id', str()),
    req('filter', {
      kind: 'tagged',
      tag: 'kind',
      variants: {
        all: [],
        prefix: [req('prefix', str())],
        tag: [req('tag', tag)],
        // The tags of an And are all required, whatever their order.
        and: [opt('prefix', str()), req('tags', list(tag, true))],
      },
    }),
    req('status', str(ENABLED_DISABLED)),
    req('transitions', list(obj(opt('days', str()), opt('date', str()), req('storageClass', str())))),
    opt('expiration', obj(opt('days', str()), opt('date', str()), opt('expiredObjectDeleteMarker', str()))),
    req('noncurrentVersionTransitions', list(obj(req('noncurrentDays', str()), req('storageClass', str())))),
    opt('noncurrentVersionExpiration', obj(req('noncurrentDays', str()))),
    opt('abortIncompleteMultipartUpload', obj(req('daysAfterInitiation', str()))),
  )))),
  // A bucket's tags are a set keyed by Key.
  tagging: list(tag, true),
  encryption: obj(req('rules', list(obj(opt('applyByDefault', obj(
    req('sseAlgorithm', str()),
    opt('kmsMasterKeyId', str()),
    opt('kmsAlgorithm', str()),
  )))))),
};

/** Why `null` is refused for the settings COS cannot delete. */
const NOT_DELETABLE: Partial<Record<SettingName, string>> = {
  referer: 'COS has no DELETE for hotlink protection: switch it off with status "Disabled"',
  versioning: 'versioning cannot be removed once configured: use "Suspended"',
};

/** The codec's own refusal of the value, met by sending it through the XML it stands for. */
function viaXml<T>(value: T, build: (v: T) => string, parse: (xml: string) => XmlParseResult<unknown>): string | undefined {
  const r = parse(build(value));
  return r.ok ? undefined : r.reason;
}

/** Runs a whole-configuration check, then pins a failure on the first rule that fails alone. */
function locate<R>(rules: readonly R[], check: (rules: R[]) => string | undefined, path: string): PathError | undefined {
  const reason = check([...rules]);
  if (reason === undefined) return undefined;
  const i = rules.findIndex((r) => check([r]) !== undefined);
  return i < 0 ? { path, reason } : { path: `${path}.rules[${i}]`, reason: check([rules[i] as R]) ?? reason };
}

const noRules = (path: string, what: string): PathError => ({ path: `${path}.rules`, reason: `needs at least one rule: use null to delete the ${what} configuration` });

/** Meaning checks of a structurally valid setting, reusing the codecs' and validators' own checks. */
function checkMeaning(name: SettingName, value: unknown, path: string): PathError[] {
  switch (name) {
    case 'cors': {
      const v = value as CorsConfiguration;
      if (v.rules.length === 0) return [noRules(path, 'CORS')];
      const bad = locate(v.rules, (rules) => viaXml({ ...v, rules }, buildCorsXml, parseCorsXml) ?? validateCors({ ...v, rules }), path);
      return bad ? [bad] : [];
    }
    case 'referer': {
      const reason = viaXml(value as RefererConfiguration, buildRefererXml, parseRefererXml);
      return reason ? [{ path, reason }] : [];
    }
    case 'website': {
      const reason = viaXml(value as WebsiteConfiguration, buildWebsiteXml, parseWebsiteXml);
      return reason ? [{ path, reason }] : [];
    }
    case 'domain': {
      const v = value as DomainConfiguration;
      if (v.rules.length === 0) return [noRules(path, 'domain')];
      const seen = new Map<string, number>();
      for (const [i, r] of v.rules.entries()) {
        const key = r.name.toLowerCase();
        if (seen.has(key)) return [{ path: `${path}.rules[${i}].name`, reason: `duplicate domain ${r.name} (also rules[${seen.get(key)}])` }];
        seen.set(key, i);
      }
      const bad = locate(v.rules, (rules) => viaXml({ rules }, buildDomainXml, parseDomainXml), path);
      return bad ? [bad] : [];
    }
    case 'replication': {
      const v = value as ReplicationConfiguration;
      if (v.rules.length === 0) return [noRules(path, 'replication')];
      if (!parseRole(v.role)) return [{ path: `${path}.role`, reason: 'Role must be qcs::cam::uin/<OwnerUin>:uin/<SubUin>.' }];
      const bad = locate(v.rules, (rules) => viaXml({ ...v, rules }, buildReplicationXml, parseReplicationXml) ?? validateReplication({ ...v, rules })?.message, path);
      return bad ? [bad] : [];
    }
    case 'lifecycle': {
      const v = value as LifecycleConfiguration;
      if (v.rules.length === 0) return [noRules(path, 'lifecycle')];
      const bad = locate(v.rules, (rules) => viaXml({ rules }, buildLifecycleXml, parseLifecycleXml) ?? validateLifecycle({ rules })?.message, path);
      return bad ? [bad] : [];
    }
    case 'tagging': {
      const v = value as XmlTag[];
      if (v.length === 0) return [{ path, reason: 'no tags: use null to delete the bucket tags' }];
      const seen = new Map<string, number>();
      for (const [i, t] of v.entries()) {
        if (t.key === '') return [{ path: `${path}[${i}].key`, reason: 'a tag key cannot be empty' }];
        if (seen.has(t.key)) return [{ path: `${path}[${i}].key`, reason: `duplicate tag key ${t.key} (also [${seen.get(t.key)}])` }];
        seen.set(t.key, i);
      }
      const reason = viaXml(v, buildTaggingXml, parseTaggingXml);
      return reason ? [{ path, reason }] : [];
    }
    case 'encryption': {
      const reason = viaXml(value as EncryptionConfiguration, buildEncryptionXml, parseEncryptionXml);
      return reason ? [{ path, reason }] : [];
    }
    case 'versioning':
      return [];
  }
}

const TOP_KEYS = ['format', 'version', 'settings'];

/** Checks a parsed JSON value as a settings document; every problem comes with its path. */
export function parseSettingsDocument(json: unknown): SettingsDocumentParse {
  const errors: PathError[] = [];
  if (!isRecord(json)) return { ok: false, errors: [{ path: '', reason: 'expected a JSON object' }] };
  for (const k of Object.keys(json)) if (!TOP_KEYS.includes(k)) errors.push({ path: k, reason: 'unknown key' });
  if (json['format'] !== SETTINGS_FORMAT) errors.push({ path: 'format', reason: `must be "${SETTINGS_FORMAT}"` });
  if (json['version'] !== SETTINGS_VERSION) errors.push({ path: 'version', reason: `unsupported version: only ${SETTINGS_VERSION} is known` });
  const settings = json['settings'];
  if (!isRecord(settings)) {
    errors.push({ path: 'settings', reason: settings === undefined ? 'required' : 'expected an object' });
    return { ok: false, errors };
  }
  for (const k of Object.keys(settings)) {
    if (!(SETTING_NAMES as readonly string[]).includes(k)) errors.push({ path: `settings.${k}`, reason: 'unknown setting' });
  }
  for (const name of SETTING_NAMES) {
    const value = settings[name];
    const path = `settings.${name}`;
    if (value === undefined) continue;
    if (value === null) {
      const why = NOT_DELETABLE[name];
      if (why) errors.push({ path, reason: why });
      continue;
    }
    const shapeErrors: PathError[] = [];
    checkShape(value, SETTING_SHAPES[name], path, shapeErrors);
    errors.push(...(shapeErrors.length > 0 ? shapeErrors : checkMeaning(name, value, path)));
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: canonicalDocument(settings as DocumentSettings) };
}

function canonicalDocument(settings: DocumentSettings): BucketSettingsDocument {
  const out: Record<string, unknown> = {};
  for (const name of SETTING_NAMES) {
    const value = settings[name];
    if (value !== undefined) out[name] = value === null ? null : normalize(value, SETTING_SHAPES[name], false);
  }
  return { format: SETTINGS_FORMAT, version: SETTINGS_VERSION, settings: out as DocumentSettings };
}

/**
 * The document as JSON text: keys in a fixed order (settings in SETTING_NAMES order, fields in the codec
 * types' order), lists in their own order, two-space indent and a final newline, so that exports diff well.
 */
export function serializeSettingsDocument(doc: BucketSettingsDocument): string {
  return `${JSON.stringify(canonicalDocument(doc.settings), null, 2)}\n`;
}
