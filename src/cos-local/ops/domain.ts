// PUT/GET/DELETE Bucket domain (custom domains, 436/35868) and the lookup that routes a request by
// its Host to the bucket a domain is bound to (docs/cos-behaviour.md "Custom domains").
// - A PUT replaces the bucket's whole configuration; names compare case-insensitively (DNS) and are
//   returned as sent.
// - A name bound to another bucket is refused with 409 unless ForcedReplacement is sent, which moves
//   it here; ForcedReplacement for a name bound nowhere is 409 too (the SDK docs' PUT Bucket domain
//   error table: "HTTP 409 Conflict"). Real COS first verifies ownership through the CNAME or TXT
//   record; cos-local has no DNS and takes the claim as proven.
// - At most 20 rules (436/35868).
// - Routing: an ENABLED rule of type REST serves the bucket like its default domain, WEBSITE like its
//   static website domain. ACCELERATE rules are kept and returned but route nothing: cos-local has no
//   global acceleration.
// - GET without a configuration: 404 NoSuchDomainConfiguration (the code is our choice: docs/cos-behaviour.md "Errors").
import { CosError } from '../../shared/errors/cos-error';
import { buildDomainXml, parseDomainXml, type DomainConfiguration, type DomainRule } from '../../shared/xml/domain';
import { readSmallBody } from '../body';
import type { OpHandler } from '../context';
import type { DomainBinding } from '../route';
import type { BucketConfig, MetaStore } from '../store/types';
import { bucketOf } from './common';

export const DOMAIN_CONFIG = 'domain';
export const MAX_DOMAIN_RULES = 20;

/** Host names: letters, digits, hyphens and dots ("Valid values: letter, digit, dot", PUT Bucket domain SDK docs). */
const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

interface IndexEntry {
  bucket: string;
  rule: DomainRule;
}

function loadDomains(json: string): DomainConfiguration {
  return JSON.parse(json) as DomainConfiguration;
}

// Built once per configsNamed array: the store returns the same array until a domain document changes.
const indexes = new WeakMap<readonly BucketConfig[], Map<string, IndexEntry>>();

function domainIndex(meta: MetaStore): Map<string, IndexEntry> {
  const configs = meta.configsNamed(DOMAIN_CONFIG);
  let index = indexes.get(configs);
  if (!index) {
    index = new Map();
    for (const { bucket, value } of configs) {
      for (const rule of loadDomains(value).rules) index.set(rule.name.toLowerCase(), { bucket, rule });
    }
    indexes.set(configs, index);
  }
  return index;
}

/** The bucket an ENABLED REST or WEBSITE rule binds `hostname` (no port) to. */
export function findDomain(meta: MetaStore, hostname: string): DomainBinding | undefined {
  const entry = domainIndex(meta).get(hostname.toLowerCase());
  if (!entry || entry.rule.status !== 'ENABLED') return undefined;
  const type = entry.rule.type;
  return type === 'REST' || type === 'WEBSITE' ? { bucket: entry.bucket, type } : undefined;
}

function checkRules(rules: readonly DomainRule[]): void {
  if (rules.length > MAX_DOMAIN_RULES) throw new CosError('InvalidArgument', { message: `At most ${MAX_DOMAIN_RULES} DomainRule are allowed.` });
  const seen = new Set<string>();
  for (const rule of rules) {
    const name = rule.name.toLowerCase();
    if (!HOST_NAME.test(name)) throw new CosError('InvalidArgument', { message: `"${rule.name}" is not a valid domain name.` });
    if (seen.has(name)) throw new CosError('InvalidArgument', { message: `The domain name "${rule.name}" appears more than once.` });
    seen.add(name);
  }
}

export const putBucketDomain: OpHandler = async (ctx) => {
  const bucket = bucketOf(ctx);
  const parsed = parseDomainXml((await readSmallBody(ctx.req)).toString('utf8'));
  if (!parsed.ok) throw new CosError('MalformedXML', { message: `The XML you provided was not well-formed or did not validate: ${parsed.reason}.` });
  const { rules } = parsed.value;
  checkRules(rules);
  // From here on everything is synchronous: the conflict check and the writes cannot interleave
  // with another request.
  const meta = ctx.store.meta;
  const index = domainIndex(meta);
  const takeFrom = new Map<string, Set<string>>();
  for (const rule of rules) {
    const name = rule.name.toLowerCase();
    const holder = index.get(name);
    if (rule.forcedReplacement !== undefined) {
      if (!holder) throw new CosError('DomainConflict', { message: `ForcedReplacement was given, but "${rule.name}" is not bound to any bucket.` });
      if (holder.bucket !== bucket.name) takeFrom.set(holder.bucket, (takeFrom.get(holder.bucket) ?? new Set()).add(name));
    } else if (holder && holder.bucket !== bucket.name) {
      throw new CosError('DomainConflict', { message: `The domain "${rule.name}" is already bound to another bucket; send ForcedReplacement to take it over.` });
    }
  }
  for (const [other, names] of takeFrom) {
    const json = meta.getConfig(other, DOMAIN_CONFIG);
    if (json === undefined) continue;
    const left = loadDomains(json).rules.filter((r) => !names.has(r.name.toLowerCase()));
    if (left.length > 0) meta.putConfig(other, DOMAIN_CONFIG, JSON.stringify({ rules: left }));
    else meta.deleteConfig(other, DOMAIN_CONFIG);
  }
  meta.putConfig(bucket.name, DOMAIN_CONFIG, JSON.stringify(parsed.value));
  return {};
};

export const getBucketDomain: OpHandler = (ctx) => {
  const json = ctx.store.meta.getConfig(bucketOf(ctx).name, DOMAIN_CONFIG);
  if (json === undefined) return Promise.reject(new CosError('NoSuchDomainConfiguration'));
  return Promise.resolve({ xml: buildDomainXml(loadDomains(json)) });
};

/** 204 whether or not there was one. */
export const deleteBucketDomain: OpHandler = (ctx) => {
  ctx.store.meta.deleteConfig(bucketOf(ctx).name, DOMAIN_CONFIG);
  return Promise.resolve({ status: 204 });
};
