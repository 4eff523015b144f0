// Custom origin domains of a bucket (PUT/GET/DELETE Bucket domain,
// https://cloud.tencent.com/document/product/436/35868): checking a name before it is sent, adding
// and removing rules, the record to create at the DNS provider, and how to reach a domain of a
// cos-local bucket without DNS.
import type { DomainConfiguration, DomainRule } from '../../../../shared/xml/domain';

/** The origin types the console offers: the bucket's default (REST) endpoint or its static website. */
export type DomainOrigin = 'REST' | 'WEBSITE';

export type DomainProblem = 'empty' | 'scheme' | 'path' | 'port' | 'wildcard' | 'tooLong' | 'invalid' | 'duplicate';

// Letters, digits, hyphens and dots, labels of 1-63 characters (PUT Bucket domain: "Valid values:
// letter, digit, dot"; RFC 1035 label rules), as cos-local checks it (src/cos-local/ops/domain.ts).
const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** The name as it will be sent: surrounding blanks and one trailing dot (the DNS root) dropped. */
export function normalizeDomainName(input: string): string {
  return input.trim().replace(/\.$/, '');
}

/**
 * Why `input` cannot be added as a custom domain next to `existing` (names compare case-insensitively:
 * DNS does), or undefined when it can. A pasted URL gets its own problem so the message can say
 * what to remove.
 */
export function domainNameProblem(input: string, existing: readonly DomainRule[]): DomainProblem | undefined {
  const name = normalizeDomainName(input).toLowerCase();
  if (name === '') return 'empty';
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(name)) return 'scheme';
  if (name.includes('/')) return 'path';
  if (/:\d*$/.test(name)) return 'port';
  if (name.includes('*')) return 'wildcard';
  if (name.length > 253) return 'tooLong';
  const labels = name.split('.');
  // A custom domain is a name under a domain one owns: at least two labels (files.example.com, x.localhost).
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return 'invalid';
  if (existing.some((r) => r.name.toLowerCase() === name)) return 'duplicate';
  return undefined;
}

export interface NewDomain {
  name: string;
  origin: DomainOrigin;
  /**
   * Take the name over from the bucket it is bound to, ownership proven by this DNS record
   * (ForcedReplacement, https://cloud.tencent.com/document/product/436/43610).
   */
  forcedReplacement?: 'CNAME' | 'TXT';
}

/**
 * The configuration with one more rule (ENABLED). A PUT replaces the whole configuration, so the
 * rules already there are sent again — without a ForcedReplacement they may have been saved with:
 * it asks COS to take a name over, which only the new rule may ask for.
 */
export function withDomain(config: DomainConfiguration | null, added: NewDomain): DomainConfiguration {
  const kept = (config?.rules ?? []).map(({ forcedReplacement: _dropped, ...rule }) => rule);
  const rule: DomainRule = { status: 'ENABLED', name: normalizeDomainName(added.name), type: added.origin };
  if (added.forcedReplacement) rule.forcedReplacement = added.forcedReplacement;
  return { rules: [...kept, rule] };
}

/** The configuration without `name`; null (DELETE Bucket domain) when no rule is left. */
export function withoutDomain(config: DomainConfiguration | null, name: string): DomainConfiguration | null {
  const rules = (config?.rules ?? []).filter((r) => r.name.toLowerCase() !== name.toLowerCase()).map(({ forcedReplacement: _dropped, ...rule }) => rule);
  return rules.length > 0 ? { rules } : null;
}

/**
 * The name the domain's CNAME record points to, the origin COS serves it from ("Enabling custom
 * origin domain", https://cloud.tencent.com/document/product/436/36638): the bucket's default
 * domain for REST, its static website domain for WEBSITE, the global acceleration one for ACCELERATE.
 */
export function cnameTarget(bucket: string, region: string, type: string): string {
  if (type === 'WEBSITE') return `${bucket}.cos-website.${region}.myqcloud.com`;
  if (type === 'ACCELERATE') return `${bucket}.cos.accelerate.myqcloud.com`;
  return `${bucket}.cos.${region}.myqcloud.com`;
}

/**
 * The port of the cos-local the browser talks to, from the console's `Domain` template
 * (`{Bucket}.cos.{Region}.localhost:9000`, or `http://127.0.0.1:9000/{Bucket}`); undefined if it names none.
 */
export function templatePort(template: string): number | undefined {
  const withoutScheme = template.replace(/^[a-z]+:\/\//i, '');
  const authority = withoutScheme.split('/')[0] ?? '';
  const m = /:(\d{1,5})$/.exec(authority);
  return m?.[1] ? Number(m[1]) : undefined;
}

/** A key as a URL path: each segment percent-encoded, the slashes kept. */
export function keyPath(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}

/**
 * A shell line that asks cos-local for `key` through a custom domain: cos-local routes by the Host
 * header (docs/cos-behaviour.md "Custom domains"), so no DNS is needed. Quoted for a POSIX shell.
 */
export function curlLine(domain: string, port: number, key: string): string {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  return `curl -H ${quote(`Host: ${domain}`)} ${quote(`http://127.0.0.1:${port}/${keyPath(key)}`)}`;
}

/**
 * The address a browser can open directly: a `*.localhost` name resolves to the loopback in Chromium
 * and Firefox, so such a domain reaches cos-local as it is. Undefined for other names.
 */
export function localhostUrl(domain: string, port: number, key = ''): string | undefined {
  return /(^|\.)localhost$/i.test(domain) ? `http://${domain.toLowerCase()}:${port}/${keyPath(key)}` : undefined;
}
