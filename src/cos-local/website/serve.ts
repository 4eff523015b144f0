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
// The decision itself (which page, rule, error document or redirect) is src/shared/website/route.ts,
// the same code the console's redirect tester runs; this file checks the request, reads the objects
// and answers. A rule with URLRedirect Disabled is NotImplemented: the docs do not say what it does
// instead of redirecting.
import type { IncomingMessage } from 'node:http';
import { CosError } from '../../shared/errors/cos-error';
import {
  answerWebsiteLookup, resolveWebsitePath, type WebsiteAnswer, type WebsiteLookup, type WebsitePathRequest,
} from '../../shared/website/route';
import { allowedOn } from '../authorize';
import type { OpContext, OpResult, Services } from '../context';
import { getObject, headObject } from '../ops/object';
import { enforceReferer } from '../ops/referer';
import { loadWebsite } from '../ops/website';
import { RequestQuery } from '../query';
import type { Route } from '../route';
import type { BucketRecord } from '../store/types';
import type { CorsConfiguration } from '../../shared/xml/cors';

export interface WebsiteRequest extends Services {
  req: IncomingMessage;
  route: Route;
  bucket: BucketRecord | undefined;
  cors: CorsConfiguration | undefined;
}

/** A read can still miss after the lookup said the key exists (deleted in between): decide again. */
const MAX_DECISIONS = 3;

const redirect = (status: number, to: string): OpResult => ({
  status, headers: { Location: to, 'Content-Type': 'text/html; charset=utf-8' },
});

function schemeOf(req: IncomingMessage): 'http' | 'https' {
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

  constructor(w: WebsiteRequest, private readonly bucket: BucketRecord) {
    this.ctx = { ...w, route: { ...w.route, query: RequestQuery.EMPTY }, principal: { kind: 'anonymous' }, bucket };
  }

  private objectCtx(key: string, req = this.ctx.req): OpContext {
    return { ...this.ctx, req, route: { ...this.ctx.route, key, level: 'object' } };
  }

  /** What an anonymous GET Object of `key` would meet: authorization first, then existence. */
  readonly lookup: WebsiteLookup = (key) => ({
    readable: allowedOn(this.objectCtx(key), 'GetObject', { bucket: this.bucket, key }),
    exists: this.ctx.store.meta.getObject(this.bucket.name, key) !== undefined,
  });

  /** An anonymous GET/HEAD Object of `key`, the lookup having found it readable; undefined when it went missing since. */
  async read(key: string, req: IncomingMessage): Promise<OpResult | undefined> {
    const ctx = this.objectCtx(key, req);
    try {
      return await (ctx.req.method === 'HEAD' ? headObject : getObject)(ctx);
    } catch (e) {
      if (e instanceof CosError && e.code === 'NoSuchKey') return undefined;
      throw e;
    }
  }

  /** The answer as a reply; undefined when a document went missing between the lookup and the read. */
  async answer(answer: WebsiteAnswer): Promise<OpResult | undefined> {
    switch (answer.kind) {
      case 'redirect':
        return redirect(answer.status, answer.location);
      case 'error':
        throw new CosError(answer.code);
      case 'not-implemented':
        throw new CosError('NotImplemented', { message: 'Routing rules with URLRedirect Disabled are not implemented by cos-local.' });
      case 'document': {
        const errorDocument = answer.source === 'error-document';
        const page = await this.read(answer.key, errorDocument ? withoutConditions(this.ctx.req) : this.ctx.req);
        return page && errorDocument ? { ...page, status: answer.status } : page;
      }
    }
  }
}

export async function serveWebsite(w: WebsiteRequest): Promise<OpResult> {
  const method = w.req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') throw new CosError('MethodNotAllowed', { message: 'A static website endpoint only takes GET and HEAD.' });
  if (w.route.query.size > 0) throw new CosError('MethodNotAllowed', { message: 'A static website endpoint takes no query parameters.' });
  if (!w.bucket) throw new CosError('NoSuchBucket');
  const config = loadWebsite(w.store.meta, w.bucket.name);
  if (!config) throw new CosError('NoSuchWebsiteConfiguration');

  const request: WebsitePathRequest = { key: w.route.key, rawPath: w.route.rawPath, host: w.route.host, scheme: schemeOf(w.req) };
  const site = new Site(w, w.bucket);
  const first = resolveWebsitePath(config, request);
  if (first.kind === 'answer') {
    const result = await site.answer(first.answer);
    if (!result) throw new CosError('NoSuchKey');
    return result;
  }
  enforceReferer(w.store.meta, w.bucket.name, w.req);
  for (let i = 1; ; i++) {
    const result = await site.answer(answerWebsiteLookup(config, request, site.lookup).answer);
    if (result) return result;
    if (i >= MAX_DECISIONS) throw new CosError('NoSuchKey');
  }
}
