// How each bucket setting the console manages travels over the COS API: its subresource, the XML (or
// JSON, for the policy) codec, the error code COS answers when none is configured, and whether COS has
// a DELETE for it. Used by the console (read, save, delete through cos-js-sdk-v5's generic request)
// and by the console server (the history's read-back), so both read a setting the same way.
// Subresources and codes: the API reference of each (https://cloud.tencent.com/document/product/436/7751
// lists them), e.g. GET Bucket cors 436/8274 answers NoSuchCORSConfiguration.
import { buildAclXml, parseAclXml, type AccessControlPolicy } from '../xml/acl';
import type { XmlParseResult } from '../xml/codec';
import { buildCorsXml, parseCorsXml } from '../xml/cors';
import { buildDomainXml, parseDomainXml } from '../xml/domain';
import { buildEncryptionXml, parseEncryptionXml } from '../xml/encryption';
import { buildLifecycleXml, parseLifecycleXml } from '../xml/lifecycle';
import { buildRefererXml, parseRefererXml } from '../xml/referer';
import { buildReplicationXml, parseReplicationXml } from '../xml/replication';
import { buildTaggingXml, parseTaggingXml } from '../xml/tagging';
import { buildVersioningXml, parseVersioningXml } from '../xml/versioning';
import { buildWebsiteXml, parseWebsiteXml } from '../xml/website';
import { SETTING_SHAPES, type Settings, type SettingName } from './document';
import { normalize } from './shape';
import { isTrackedSetting, SENSITIVE_SETTINGS, TRACKED_SETTINGS, type TrackedSetting } from './names';

/** A bucket policy as COS stores it: a JSON object, kept verbatim (src/shared/policy reads it). */
export type PolicyDocument = Record<string, unknown>;

/** Every setting the console changes and keeps a history of: the settings document's, plus policy and ACL. */
export interface TrackedSettings extends Settings {
  policy: PolicyDocument | null;
  acl: AccessControlPolicy | null;
}

// names.ts lists the same names without the codecs; each side must name exactly the other's.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const sameNames: Same<keyof TrackedSettings, TrackedSetting> = true;
void sameNames;
export { TRACKED_SETTINGS, isTrackedSetting, SENSITIVE_SETTINGS, type TrackedSetting };

export interface SettingCodec<K extends TrackedSetting> {
  /** The query subresource: `?cors`, `?referer`, … */
  subresource: string;
  /** Codes of the answer that means "none configured" (404), read as `null`. */
  missing: readonly string[];
  /** Whether COS has a DELETE for it (referer and versioning have none; ACL is replaced, not deleted). */
  deletable: boolean;
  /** The body COS answers with: XML, or JSON for the policy. */
  contentType: 'application/xml' | 'application/json';
  parse(body: string): XmlParseResult<NonNullable<TrackedSettings[K]>>;
  build(value: NonNullable<TrackedSettings[K]>): string;
}

function parsePolicyJson(body: string): XmlParseResult<PolicyDocument> {
  try {
    const value: unknown = JSON.parse(body);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'a policy is a JSON object' };
    return { ok: true, value: value as PolicyDocument };
  } catch (e) {
    return { ok: false, reason: `not JSON: ${(e as Error).message}` };
  }
}

function parseAcl(body: string): XmlParseResult<AccessControlPolicy> {
  return parseAclXml(body);
}

function buildAcl(policy: AccessControlPolicy): string {
  if (!policy.owner) throw new Error('an ACL to PUT names its owner');
  return buildAclXml({ owner: policy.owner, grants: policy.grants });
}

const xml = 'application/xml' as const;

export const SETTING_CODECS: { readonly [K in TrackedSetting]: SettingCodec<K> } = {
  cors: { subresource: 'cors', missing: ['NoSuchCORSConfiguration'], deletable: true, contentType: xml, parse: parseCorsXml, build: buildCorsXml },
  referer: { subresource: 'referer', missing: ['NoSuchRefererConfiguration'], deletable: false, contentType: xml, parse: parseRefererXml, build: buildRefererXml },
  website: { subresource: 'website', missing: ['NoSuchWebsiteConfiguration'], deletable: true, contentType: xml, parse: parseWebsiteXml, build: buildWebsiteXml },
  domain: { subresource: 'domain', missing: ['NoSuchDomainConfiguration'], deletable: true, contentType: xml, parse: parseDomainXml, build: buildDomainXml },
  // A bucket never versioned answers an empty VersioningConfiguration (436/19888): read as null below.
  versioning: { subresource: 'versioning', missing: [], deletable: false, contentType: xml, parse: parseVersioningXml, build: buildVersioningXml },
  replication: { subresource: 'replication', missing: ['ReplicationConfigurationNotFoundError', 'NoSuchReplicationConfiguration'], deletable: true, contentType: xml, parse: parseReplicationXml, build: buildReplicationXml },
  lifecycle: { subresource: 'lifecycle', missing: ['NoSuchLifecycleConfiguration'], deletable: true, contentType: xml, parse: parseLifecycleXml, build: buildLifecycleXml },
  tagging: { subresource: 'tagging', missing: ['NoSuchTagSet', 'NoSuchTagSetError'], deletable: true, contentType: xml, parse: parseTaggingXml, build: buildTaggingXml },
  encryption: { subresource: 'encryption', missing: ['NoSuchEncryptionConfiguration'], deletable: true, contentType: xml, parse: parseEncryptionXml, build: buildEncryptionXml },
  policy: { subresource: 'policy', missing: ['NoSuchPolicy', 'NoSuchBucketPolicy'], deletable: true, contentType: 'application/json', parse: parsePolicyJson, build: (v) => JSON.stringify(v) },
  acl: { subresource: 'acl', missing: [], deletable: false, contentType: xml, parse: parseAcl, build: buildAcl },
};

/** The codec of one setting, typed by its name. */
export function codecOf<K extends TrackedSetting>(name: K): SettingCodec<K> {
  return SETTING_CODECS[name] as SettingCodec<K>;
}

export type SettingRead<K extends TrackedSetting> = { ok: true; value: TrackedSettings[K] } | { ok: false; reason: string };

/**
 * A setting from COS's answer: `missingCode` is the error code of a 404 (then null when it means
 * "none"), else `body` is the 200 answer's body.
 */
export function readSettingAnswer<K extends TrackedSetting>(name: K, answer: { body: string } | { missingCode: string }): SettingRead<K> {
  const codec = codecOf(name);
  if ('missingCode' in answer) {
    return codec.missing.includes(answer.missingCode)
      ? { ok: true, value: null as TrackedSettings[K] }
      : { ok: false, reason: `COS answered ${answer.missingCode}` };
  }
  // An empty versioning configuration (never enabled) has no Status.
  if (name === 'versioning' && !/<Status>/.test(answer.body)) return { ok: true, value: null as TrackedSettings[K] };
  const parsed = codec.parse(answer.body);
  return parsed.ok ? { ok: true, value: parsed.value as TrackedSettings[K] } : parsed;
}

/** Whether a setting's "none" is configured: settings COS keeps as an empty list count as none. */
export function isNone(name: TrackedSetting, value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (name === 'tagging') return (value as unknown[]).length === 0;
  return false;
}


export type { Settings, SettingName };

/** JSON text with object keys sorted at every level: two equal values give the same text. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * Whether two values of a setting configure the same thing: key order never matters; list order
 * matters only where COS reads lists in order (settings document shapes, SETTING_SHAPES); an empty
 * tag list is none.
 */
export function sameSetting(name: TrackedSetting, a: unknown, b: unknown): boolean {
  const noneA = isNone(name, a);
  const noneB = isNone(name, b);
  if (noneA || noneB) return noneA === noneB;
  if (name === 'policy' || name === 'acl') return stableJson(a) === stableJson(b);
  const shape = SETTING_SHAPES[name];
  return stableJson(normalize(a, shape, true)) === stableJson(normalize(b, shape, true));
}
