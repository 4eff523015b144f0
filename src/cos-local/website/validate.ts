// Semantic checks of a WebsiteConfiguration beyond its XML shape. Sources:
// - PUT Bucket website (436/30617): IndexDocument required; RedirectAllRequestsTo/Protocol and
//   Redirect/Protocol "only HTTPS is supported"; AutoAddressing/Status and OriginalHttpStatus are
//   Enabled|Disabled; a RoutingRule has exactly one condition and one replacement, and
//   ReplaceKeyPrefixWith only with KeyPrefixEquals; HttpErrorCodeReturnedEquals is a 4xx code; at
//   most 100 RoutingRule;
// - 436/31930 (Chinese PUT doc): Charity404 and URLRedirect are Enabled|Disabled;
// - the COS error table for PUT Bucket website: MalformedXML for an invalid IndexDocument or a 5xx
//   HttpErrorCodeReturnedEquals, XMLSizeLimit when the document is larger than 64 KB or has too many
//   RoutingRules.
import type { CosErrorCode } from '../../shared/errors/cos-error';
import type { WebsiteConfiguration, WebsiteRoutingRule } from '../../shared/xml/website';

export const MAX_ROUTING_RULES = 100;
export const MAX_WEBSITE_XML = 64 * 1024;

export interface WebsiteProblem {
  code: CosErrorCode;
  message: string;
}

const SWITCH = ['Enabled', 'Disabled'];
const isHttps = (protocol: string): boolean => protocol.toLowerCase() === 'https';

function ruleProblem(rule: WebsiteRoutingRule, n: number): string | undefined {
  const { condition: c, redirect: r } = rule;
  const at = `RoutingRule ${n}`;
  if ((c.httpErrorCodeReturnedEquals === undefined) === (c.keyPrefixEquals === undefined)) {
    return `${at}: Condition needs exactly one of HttpErrorCodeReturnedEquals and KeyPrefixEquals`;
  }
  if (c.httpErrorCodeReturnedEquals !== undefined && !/^4\d\d$/.test(c.httpErrorCodeReturnedEquals)) {
    return `${at}: HttpErrorCodeReturnedEquals must be a 4xx code`;
  }
  if ((r.replaceKeyWith === undefined) === (r.replaceKeyPrefixWith === undefined)) {
    return `${at}: Redirect needs exactly one of ReplaceKeyWith and ReplaceKeyPrefixWith`;
  }
  if (r.replaceKeyPrefixWith !== undefined && c.keyPrefixEquals === undefined) {
    return `${at}: ReplaceKeyPrefixWith is only allowed with KeyPrefixEquals`;
  }
  if (r.protocol !== undefined && !isHttps(r.protocol)) return `${at}: Redirect Protocol must be https`;
  if (r.urlRedirect !== undefined && !SWITCH.includes(r.urlRedirect)) return `${at}: URLRedirect must be Enabled or Disabled`;
  return undefined;
}

/** undefined when valid, else the COS error to answer. */
export function validateWebsite(config: WebsiteConfiguration): WebsiteProblem | undefined {
  const malformed = (message: string): WebsiteProblem => ({ code: 'MalformedXML', message });
  const suffix = config.indexDocument.suffix;
  if (suffix === '' || suffix.includes('/')) return malformed('IndexDocument Suffix must be a non-empty name without "/"');
  if (config.redirectAllRequestsTo && !isHttps(config.redirectAllRequestsTo.protocol)) return malformed('RedirectAllRequestsTo Protocol must be https');
  if (config.autoAddressing && !SWITCH.includes(config.autoAddressing.status)) return malformed('AutoAddressing Status must be Enabled or Disabled');
  const e = config.errorDocument;
  if (e) {
    if (e.key === '') return malformed('ErrorDocument Key must not be empty');
    if (e.originalHttpStatus !== undefined && !SWITCH.includes(e.originalHttpStatus)) return malformed('OriginalHttpStatus must be Enabled or Disabled');
    if (e.charity404 !== undefined && !SWITCH.includes(e.charity404)) return malformed('Charity404 must be Enabled or Disabled');
  }
  const rules = config.routingRules ?? [];
  if (rules.length > MAX_ROUTING_RULES) return { code: 'XMLSizeLimit', message: `At most ${MAX_ROUTING_RULES} RoutingRule are allowed.` };
  for (const [i, rule] of rules.entries()) {
    const problem = ruleProblem(rule, i + 1);
    if (problem !== undefined) return malformed(problem);
  }
  return undefined;
}
