// Requests on a static website host (`<bucket-appid>.cos-website.<region>.<suffix>`, and custom
// domains of type WEBSITE). Sources, in the order the steps run:
// - only GET and HEAD (OPTIONS is the CORS preflight, answered by the pipeline), and no query
//   parameters: 405 MethodNotAllowed otherwise (COS error detail of ActionS3WebsiteFileGet; the
//   website endpoint takes GET/HEAD/OPTIONS Object only: tencentcloud 436/30613);
// - a bucket without a configuration: 404 NoSuchWebsiteConfiguration (same source);
// - RedirectAllRequestsTo Protocol https: every plain-HTTP request is redirected (436/30617);
// - KeyPrefixEquals routing rules, then the index document for `/` and `dir/` (436/30617; no
//   `index.htm` fallback: docs/cos-behaviour.md "Static website"), then AutoAddressing (`page` →
//   `page.html`), then `dir` → 302 `dir/` when `dir/<index>` exists (ActionS3WebsiteFileGet);
// - reads are anonymous and authorized as GET Object (a private bucket answers 403 Access Denied,
//   docs/cos-behaviour.md "Static website"), with hotlink protection applied as on the default domain;
// - a 403/404 takes the HttpErrorCodeReturnedEquals rule for its status, else the error document, with
//   its original status unless OriginalHttpStatus is Disabled (200: the single-page-app case,
//   docs/cos-behaviour.md "Static website"), else an HTML error page (reply.ts sendHtmlError).
// Redirect codes are rules.ts's. A rule with URLRedirect Disabled is NotImplemented: the docs do not
// say what it does instead of redirecting.
import type { IncomingMessage } from 'node:http';
import { CosError, type CosErrorCode } from '../../shared/errors/cos-error';
import type { WebsiteConfiguration, WebsiteRoutingRule } from '../../shared/xml/website';
import { allowedOn } from '../authorize';
import type { OpContext, OpResult, Services } from '../context';
import { getObject, headObject } from '../ops/object';
import { enforceReferer } from '../ops/referer';
import { loadWebsite } from '../ops/website';
import { RequestQuery } from '../query';
import type { Route } from '../route';
import type { BucketRecord } from '../store/types';
import type { CorsConfiguration } from '../../shared/xml/cors';
import {
  DIRECTORY_REDIRECT_STATUS, RULE_REDIRECT_STATUS, autoAddressed, errorRule, indexTarget, keyPath, location, prefixRule, replacedKey,
} from './rules';

export interface WebsiteRequest extends Services {
  req: IncomingMessage;
  route: Route;
  bucket: BucketRecord | undefined;
  cors: CorsConfiguration | undefined;
}

type Failure = { status: 403 | 404; code: CosErrorCode };
type Attempt = { ok: true; result: OpResult } | { ok: false; failure: Failure };

const redirect = (status: number, to: string): OpResult => ({
  status, headers: { Location: to, 'Content-Type': 'text/html; charset=utf-8' },
});

function schemeOf(req: IncomingMessage): string {
  return 'encrypted' in req.socket ? 'https' : 'http';
}

/** Conditional and range headers apply to the page asked for, not to an error document served instead. */
function withoutConditions(req: IncomingMessage): IncomingMessage {
  const headers = { ...req.headers };
  for (const name of ['range', 'if-match', 'if-none-match', 'if-modified-since', 'if-unmodified-since']) delete headers[name];
  return Object.create(req, { headers: { value: headers } }) as IncomingMessage;
}

class Site {
  private readonly ctx: OpContext;

  constructor(
    w: WebsiteRequest,
    private readonly bucket: BucketRecord,
    readonly config: WebsiteConfiguration,
  ) {
    this.ctx = { ...w, route: { ...w.route, query: RequestQuery.EMPTY }, principal: { kind: 'anonymous' }, bucket };
  }

  private get head(): boolean {
    return this.ctx.req.method === 'HEAD';
  }

  private to(protocol: string | undefined, key: string): string {
    return location(protocol ?? schemeOf(this.ctx.req), this.ctx.route.host, keyPath(key));
  }

  ruleRedirect(rule: WebsiteRoutingRule, key: string): OpResult {
    if (rule.redirect.urlRedirect === 'Disabled') {
      throw new CosError('NotImplemented', { message: 'Routing rules with URLRedirect Disabled are not implemented by cos-local.' });
    }
    return redirect(RULE_REDIRECT_STATUS, this.to(rule.redirect.protocol, replacedKey(rule, key)));
  }

  directoryRedirect(key: string): OpResult {
    return redirect(DIRECTORY_REDIRECT_STATUS, this.to(undefined, `${key}/`));
  }

  exists(key: string): boolean {
    return this.ctx.store.meta.getObject(this.bucket.name, key) !== undefined;
  }

  /** An anonymous GET/HEAD Object of `key`. */
  async read(key: string, req = this.ctx.req): Promise<Attempt> {
    const ctx: OpContext = { ...this.ctx, req, route: { ...this.ctx.route, key, level: 'object' } };
    if (!allowedOn(ctx, 'GetObject', { bucket: this.bucket, key })) return { ok: false, failure: { status: 403, code: 'AccessDenied' } };
    if (!this.exists(key)) return { ok: false, failure: { status: 404, code: 'NoSuchKey' } };
    try {
      return { ok: true, result: await (this.head ? headObject : getObject)(ctx) };
    } catch (e) {
      if (e instanceof CosError && e.code === 'NoSuchKey') return { ok: false, failure: { status: 404, code: 'NoSuchKey' } };
      throw e;
    }
  }

  /** The answer to a 403/404: its routing rule, else the error document, else the HTML error. */
  async fail(failure: Failure, key: string): Promise<OpResult> {
    const rule = errorRule(this.config, failure.status);
    if (rule) return this.ruleRedirect(rule, key);
    const doc = this.config.errorDocument;
    if (doc) {
      const page = await this.read(doc.key, withoutConditions(this.ctx.req));
      if (page.ok) return { ...page.result, status: doc.originalHttpStatus === 'Disabled' ? 200 : failure.status };
    }
    throw new CosError(failure.code);
  }
}

export async function serveWebsite(w: WebsiteRequest): Promise<OpResult> {
  const method = w.req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') throw new CosError('MethodNotAllowed', { message: 'A static website endpoint only takes GET and HEAD.' });
  if (w.route.query.size > 0) throw new CosError('MethodNotAllowed', { message: 'A static website endpoint takes no query parameters.' });
  if (!w.bucket) throw new CosError('NoSuchBucket');
  const config = loadWebsite(w.store.meta, w.bucket.name);
  if (!config) throw new CosError('NoSuchWebsiteConfiguration');

  const all = config.redirectAllRequestsTo;
  if (all && schemeOf(w.req) !== all.protocol.toLowerCase()) {
    return redirect(RULE_REDIRECT_STATUS, location(all.protocol, w.route.host, w.route.rawPath || '/'));
  }
  const site = new Site(w, w.bucket, config);
  const key = w.route.key;
  const byPrefix = prefixRule(config, key);
  if (byPrefix) return site.ruleRedirect(byPrefix, key);
  enforceReferer(w.store.meta, w.bucket.name, w.req);

  const page = await site.read(indexTarget(key, config.indexDocument.suffix));
  if (page.ok) return page.result;
  if (page.failure.status === 404) {
    const html = autoAddressed(config, key);
    if (html !== undefined) {
      const found = await site.read(html);
      if (found.ok) return found.result;
    }
    if (key !== '' && !key.endsWith('/') && site.exists(`${key}/${config.indexDocument.suffix}`)) return site.directoryRedirect(key);
  }
  return site.fail(page.failure, key);
}
