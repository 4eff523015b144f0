// The pure parts of static-website serving: which key a path names, which routing rule applies and
// where it redirects. Sources: PUT Bucket website (436/30617: index suffix for `/` and `dir/`,
// AutoAddressing "ignore the HTML file extension", routing rules by KeyPrefixEquals or
// HttpErrorCodeReturnedEquals with ReplaceKeyWith / ReplaceKeyPrefixWith and Protocol), and the COS
// error detail of website reads (ActionS3WebsiteFileGet): a routing-rule hit answers 301, a missing
// `resource` whose `resource/<index>` exists answers 302.
import type { WebsiteConfiguration, WebsiteRoutingRule } from '../xml/website';

/** Routing-rule and RedirectAllRequestsTo redirects. */
export const RULE_REDIRECT_STATUS = 301;
/** `dir` → `dir/` when only `dir/<index>` exists. */
export const DIRECTORY_REDIRECT_STATUS = 302;

/** `/` and `dir/` name `<dir>/<Suffix>`; anything else names itself. */
export function indexTarget(key: string, suffix: string): string {
  return key === '' || key.endsWith('/') ? `${key}${suffix}` : key;
}

/** AutoAddressing Enabled: `page` also finds `page.html` (436/30617 "ignore the HTML file extension"). */
export function autoAddressed(config: WebsiteConfiguration, key: string): string | undefined {
  if (config.autoAddressing?.status !== 'Enabled' || key === '' || key.endsWith('/') || key.toLowerCase().endsWith('.html')) return undefined;
  return `${key}.html`;
}

/** The first rule whose KeyPrefixEquals starts the key (rules apply in document order). */
export function prefixRule(config: WebsiteConfiguration, key: string): WebsiteRoutingRule | undefined {
  return (config.routingRules ?? []).find((r) => r.condition.keyPrefixEquals !== undefined && key.startsWith(r.condition.keyPrefixEquals));
}

/** The first rule for an error status (HttpErrorCodeReturnedEquals). */
export function errorRule(config: WebsiteConfiguration, status: number): WebsiteRoutingRule | undefined {
  return (config.routingRules ?? []).find((r) => r.condition.httpErrorCodeReturnedEquals === String(status));
}

/** The key a rule sends a request for `key` to. */
export function replacedKey(rule: WebsiteRoutingRule, key: string): string {
  const { replaceKeyWith, replaceKeyPrefixWith } = rule.redirect;
  if (replaceKeyWith !== undefined) return replaceKeyWith;
  const prefix = rule.condition.keyPrefixEquals ?? '';
  return `${replaceKeyPrefixWith ?? ''}${key.slice(prefix.length)}`;
}

/** A key as a URL path: each segment percent-encoded, slashes kept. */
export function keyPath(key: string): string {
  return `/${key.split('/').map(encodeURIComponent).join('/')}`;
}

/** An absolute Location on the same host. */
export function location(protocol: string, host: string, path: string): string {
  return `${protocol.toLowerCase()}://${host}${path}`;
}
