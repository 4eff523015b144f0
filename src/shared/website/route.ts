// What a static-website endpoint answers for a path: the decision cos-local's website host serves with
// (src/cos-local/website/serve.ts) and the console's redirect tester shows, so the two cannot drift.
// Sources: PUT Bucket website (https://cloud.tencent.com/document/product/436/30617: index document,
// AutoAddressing, ErrorDocument, RoutingRules, RedirectAllRequestsTo), the website endpoint's GET/HEAD
// Object (https://cloud.tencent.com/document/product/436/30613), and docs/cos-behaviour.md "Static website"
// (a folder without `index.html` falls back to `index.htm`; OriginalHttpStatus Disabled answers the
// error document with 200).
//
// Two steps, both pure:
// 1. resolveWebsitePath: RedirectAllRequestsTo (a request in the other scheme) and KeyPrefixEquals
//    rules answer without reading anything; otherwise the key to read (`dir/` → `dir/<Suffix>`).
// 2. answerWebsiteLookup: given what an anonymous read of a key would find (a WebsiteLookup: does it
//    exist, may an anonymous reader read it), the page, the AutoAddressing `page.html`, the `dir` → `dir/`
//    redirect, or for a 403/404 the HttpErrorCodeReturnedEquals rule, the error document or the error.
// cos-local applies hotlink protection between the two steps; a tester leaves it out.
import type { WebsiteConfiguration, WebsiteRoutingRule } from '../xml/website';
import {
  DIRECTORY_REDIRECT_STATUS, RULE_REDIRECT_STATUS, autoAddressed, errorRule, indexTarget, keyPath, location, prefixRule, replacedKey,
} from './rules';

export type WebsiteScheme = 'http' | 'https';

export interface WebsitePathRequest {
  /** The object key the path names: the path percent-decoded, without its leading slash. */
  key: string;
  /** The path as sent (no query): RedirectAllRequestsTo keeps it verbatim. */
  rawPath: string;
  /** The Host the request came to; redirects stay on it. */
  host: string;
  /** The scheme the request came in with. */
  scheme: WebsiteScheme;
}

/** What an anonymous GET Object of a key would meet. */
export interface WebsiteObjectState {
  exists: boolean;
  /** Whether an anonymous reader is allowed GET Object on the key (ACL, bucket policy). */
  readable: boolean;
}

export type WebsiteLookup = (key: string) => WebsiteObjectState;

/** An anonymous read's outcome: a refusal comes first, whether or not the key exists. */
export type WebsiteReadOutcome = 'found' | 'not-found' | 'forbidden';

export function readOutcome(state: WebsiteObjectState): WebsiteReadOutcome {
  if (!state.readable) return 'forbidden';
  return state.exists ? 'found' : 'not-found';
}

export type WebsiteAnswer =
  | {
    kind: 'document';
    /** The object served. */
    key: string;
    /** 200 for the page asked for (206/304 with Range or conditional headers); an error document's is the failure's, or 200. */
    status: 200 | 403 | 404;
    /** `object`: the key itself; `index`: `<dir>/<Suffix>`; `auto-addressing`: `<key>.html`. */
    source: 'object' | 'index' | 'auto-addressing' | 'error-document';
  }
  | {
    kind: 'redirect';
    status: 301 | 302;
    location: string;
    source: 'redirect-all' | 'routing-rule' | 'directory';
    /** The deciding rule's index in RoutingRules (source `routing-rule`). */
    ruleIndex?: number;
  }
  | { kind: 'error'; status: 403 | 404; code: 'AccessDenied' | 'NoSuchKey' }
  /** A routing rule with URLRedirect Disabled: the docs do not say what it does instead of redirecting. */
  | { kind: 'not-implemented'; ruleIndex: number };

export interface WebsiteLookupStep {
  key: string;
  purpose: 'page' | 'index-htm' | 'auto-addressing' | 'directory-index' | 'error-document';
  outcome: WebsiteReadOutcome;
}

export interface WebsiteDecision {
  answer: WebsiteAnswer;
  /** The reads the decision consulted, in order (for a tester to explain itself). */
  lookups: WebsiteLookupStep[];
}

export type WebsitePathResolution =
  | { kind: 'answer'; answer: WebsiteAnswer }
  | { kind: 'lookup'; key: string; source: 'object' | 'index' };

function ruleIndexOf(config: WebsiteConfiguration, rule: WebsiteRoutingRule): number {
  return (config.routingRules ?? []).indexOf(rule);
}

function ruleAnswer(config: WebsiteConfiguration, rule: WebsiteRoutingRule, req: WebsitePathRequest): WebsiteAnswer {
  const ruleIndex = ruleIndexOf(config, rule);
  if (rule.redirect.urlRedirect === 'Disabled') return { kind: 'not-implemented', ruleIndex };
  const to = location(rule.redirect.protocol ?? req.scheme, req.host, keyPath(replacedKey(rule, req.key)));
  return { kind: 'redirect', status: RULE_REDIRECT_STATUS, location: to, source: 'routing-rule', ruleIndex };
}

/** Step 1: the answers that need no read, else the key to read. */
export function resolveWebsitePath(config: WebsiteConfiguration, req: WebsitePathRequest): WebsitePathResolution {
  const all = config.redirectAllRequestsTo;
  if (all && req.scheme !== all.protocol.toLowerCase()) {
    const to = location(all.protocol, req.host, req.rawPath || '/');
    return { kind: 'answer', answer: { kind: 'redirect', status: RULE_REDIRECT_STATUS, location: to, source: 'redirect-all' } };
  }
  const byPrefix = prefixRule(config, req.key);
  if (byPrefix) return { kind: 'answer', answer: ruleAnswer(config, byPrefix, req) };
  const key = indexTarget(req.key, config.indexDocument.suffix);
  return { kind: 'lookup', key, source: key === req.key ? 'object' : 'index' };
}

/** Step 2: the answer once the reads' outcomes are known (call after resolveWebsitePath asked for a lookup). */
export function answerWebsiteLookup(config: WebsiteConfiguration, req: WebsitePathRequest, lookup: WebsiteLookup): WebsiteDecision {
  const lookups: WebsiteLookupStep[] = [];
  const read = (key: string, purpose: WebsiteLookupStep['purpose']): WebsiteReadOutcome => {
    const outcome = readOutcome(lookup(key));
    lookups.push({ key, purpose, outcome });
    return outcome;
  };
  const done = (answer: WebsiteAnswer): WebsiteDecision => ({ answer, lookups });

  const target = indexTarget(req.key, config.indexDocument.suffix);
  const page = read(target, 'page');
  if (page === 'found') return done({ kind: 'document', key: target, status: 200, source: target === req.key ? 'object' : 'index' });
  // A folder with no `index.html` is answered by its `index.htm` ("COS will first match index.html …
  // and then index.htm by default", Hosting a Static Website, step 2,
  // https://www.tencentcloud.com/document/product/436/32670).
  const htm = target !== req.key ? htmFallback(target, config.indexDocument.suffix) : undefined;
  if (page === 'not-found' && htm !== undefined && read(htm, 'index-htm') === 'found') {
    return done({ kind: 'document', key: htm, status: 200, source: 'index' });
  }
  if (page === 'not-found') {
    const html = autoAddressed(config, req.key);
    if (html !== undefined && read(html, 'auto-addressing') === 'found') return done({ kind: 'document', key: html, status: 200, source: 'auto-addressing' });
    if (req.key !== '' && !req.key.endsWith('/')) {
      // Existence only, as cos-local checks it: the index's readability is not asked.
      const dirIndex = `${req.key}/${config.indexDocument.suffix}`;
      const state = lookup(dirIndex);
      lookups.push({ key: dirIndex, purpose: 'directory-index', outcome: readOutcome(state) });
      const dirHtm = htmFallback(dirIndex, config.indexDocument.suffix);
      const htmState = dirHtm !== undefined && !state.exists ? lookup(dirHtm) : undefined;
      if (dirHtm !== undefined && htmState) lookups.push({ key: dirHtm, purpose: 'directory-index', outcome: readOutcome(htmState) });
      if (state.exists || htmState?.exists) {
        return done({ kind: 'redirect', status: DIRECTORY_REDIRECT_STATUS, location: location(req.scheme, req.host, keyPath(`${req.key}/`)), source: 'directory' });
      }
    }
  }
  const status = page === 'forbidden' ? 403 : 404;
  const rule = errorRule(config, status);
  if (rule) return done(ruleAnswer(config, rule, req));
  const doc = config.errorDocument;
  if (doc && read(doc.key, 'error-document') === 'found') {
    return done({ kind: 'document', key: doc.key, status: doc.originalHttpStatus === 'Disabled' ? 200 : status, source: 'error-document' });
  }
  return done({ kind: 'error', status, code: status === 403 ? 'AccessDenied' : 'NoSuchKey' });
}

/** `dir/index.htm` for `dir/index.html` when the index document is `index.html`; otherwise none. */
function htmFallback(indexKey: string, suffix: string): string | undefined {
  return suffix === 'index.html' ? `${indexKey.slice(0, -'index.html'.length)}index.htm` : undefined;
}

/** Both steps: what the website endpoint answers for `req`, given what each key's read would meet. */
export function routeWebsite(config: WebsiteConfiguration, req: WebsitePathRequest, lookup: WebsiteLookup): WebsiteDecision {
  const first = resolveWebsitePath(config, req);
  return first.kind === 'answer' ? { answer: first.answer, lookups: [] } : answerWebsiteLookup(config, req, lookup);
}
