// The request pipeline, in one place: route (custom domains included) → bucket (+ its CORS rule for
// this origin) → website? → preflight? → authenticate → dispatch → bucket checks → hotlink
// protection (object reads) → authorize → operation → reply.
// Every failure becomes a COS error response through reply.ts; an unexpected exception is an
// InternalError (logged), never a crash.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { CosError } from '../shared/errors/cos-error';
import { matchActual, actualResponseHeaders } from '../shared/cors/match';
import { parseBucketName } from '../shared/cos/bucket-name';
import type { CorsConfiguration } from '../shared/xml/cors';
import { authenticate } from './auth';
import { enforce, type ResourceRef } from './authorize';
import type { IdGenerator, Services } from './context';
import { dispatch } from './dispatch';
import { CORS_CONFIG, loadCors, preflight } from './ops/cors';
import { findDomain } from './ops/domain';
import { enforceReferer } from './ops/referer';
import { OPS, type OpSpec } from './ops/registry';
import { sendError, sendHtmlError, sendResult, type ReplyMeta } from './reply';
import { resolveRoute, type Route } from './route';
import { handleSts } from './sts/handler';
import type { BucketRecord } from './store/types';
import { serveWebsite } from './website/serve';

export type Logger = (message: string, error?: unknown) => void;

/** The bucket as addressed: a bucket is bound to its region, so another region's host misses it. */
function lookupBucket(services: Services, route: Route): { bucket?: BucketRecord; cors?: CorsConfiguration } {
  if (route.bucket === undefined) return {};
  const bucket = services.store.meta.getBucket(route.bucket);
  if (!bucket || (route.region !== undefined && bucket.region !== route.region)) return {};
  const cors = loadCors(services.store.meta.getConfig(bucket.name, CORS_CONFIG));
  return cors ? { bucket, cors } : { bucket };
}

function corsHeaders(req: IncomingMessage, cors: CorsConfiguration | undefined): Record<string, string> {
  const origin = req.headers.origin;
  if (!cors || origin === undefined) return {};
  const match = matchActual(cors, origin, req.method ?? 'GET');
  return match.matched ? actualResponseHeaders(cors, match) : {};
}

function resourceFor(spec: OpSpec, route: Route, bucket: BucketRecord | undefined): ResourceRef {
  if (spec.bucket === 'none') return {};
  const base = { region: route.region ?? bucket?.region, key: route.key };
  if (spec.bucket === 'existing') {
    if (!bucket) throw new CosError('NoSuchBucket');
    return { ...base, bucket: bucket.name, appId: bucket.appId };
  }
  const name = parseBucketName(route.bucket ?? '');
  if (!name.ok) throw new CosError('InvalidBucketName', { message: `The specified bucket name is invalid: ${name.reason}.` });
  return { ...base, bucket: route.bucket, appId: name.appId };
}

function rawResource(req: IncomingMessage): string {
  const target = (req.url ?? '/').replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  return `${req.headers.host ?? ''}${target.split('?')[0] ?? ''}`;
}

export function createHandler(services: Services, ids: IdGenerator, log: Logger) {
  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const meta: ReplyMeta = {
      requestId: ids.requestId(), traceId: ids.traceId(), nowMs: services.clock.now(),
      resource: rawResource(req), head: req.method === 'HEAD', extraHeaders: {},
    };
    let website = false;
    try {
      const route = resolveRoute({ target: req.url ?? '/', host: req.headers.host, findDomain: (name) => findDomain(services.store.meta, name) });
      // STS GetFederationToken: a Tencent Cloud API call (JSON, its own signature), not COS-signed.
      if (route.level === 'service' && req.method === 'POST') return await handleSts(req, res, { keys: services.accounts, nowMs: meta.nowMs, requestId: meta.requestId });
      website = route.style === 'website';
      const { bucket, cors } = lookupBucket(services, route);
      meta.extraHeaders = corsHeaders(req, cors);
      if (website && req.method !== 'OPTIONS') return await sendResult(res, meta, await serveWebsite({ ...services, req, route, bucket, cors }));
      if (req.method === 'OPTIONS') return await sendResult(res, meta, preflight(req, cors));
      const principal = authenticate(
        // The signed `host` is the host the request was routed by (route.ts), never a second reading.
        { method: req.method ?? 'GET', headers: { ...req.headers, host: route.host }, query: route.query, signaturePaths: route.signaturePaths, nowMs: meta.nowMs, target: { bucket: route.bucket, key: route.key } },
        services.accounts,
      );
      const op = dispatch({
        method: req.method ?? 'GET', level: route.level, subresources: route.subresources,
        copySource: req.headers['x-cos-copy-source'] !== undefined,
      });
      const spec = OPS[op];
      const resource = resourceFor(spec, route, bucket);
      if (bucket && (op === 'GetObject' || op === 'HeadObject')) enforceReferer(services.store.meta, bucket.name, req);
      if (!spec.selfAuthorized) enforce({ ...services, req, route, principal, op, bucket }, resource);
      const result = await spec.handle({ ...services, req, route, principal, bucket, cors });
      await sendResult(res, meta, result);
    } catch (e) {
      // The client went away when the response or the connection is closed. Not `req.destroyed`:
      // a request is destroyed as soon as its body has been read whole (autoDestroy), so that
      // cannot tell a departed client from an operation that threw after reading its body.
      const socket: Socket | null = req.socket;
      const clientGone = res.destroyed || socket === null || socket.destroyed;
      if (res.headersSent) {
        // Mid-body: nothing can be said any more. A client that went away is not worth a log line.
        if (!clientGone) log(`cos-local: response ${meta.requestId} failed after its headers were sent`, e);
        res.destroy();
        return;
      }
      if (!(e instanceof CosError) && clientGone) return; // nobody is left to answer
      const err = e instanceof CosError ? e : new CosError('InternalError');
      if (!(e instanceof CosError)) log(`cos-local: InternalError in request ${meta.requestId} (${req.method} ${req.url})`, e);
      (website ? sendHtmlError : sendError)(res, meta, err);
    }
  };
}
