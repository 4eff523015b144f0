// Addressing: which bucket, key and level a request names, from its target and Host header.
// docs/cos-behaviour.md "Addressing and endpoints"; COS endpoints: https://cloud.tencent.com/document/product/436/6224
// - virtual-hosted `<bucket-appid>.cos.<region>.<any suffix>` (myqcloud.com kept by the Node SDK's
//   `Ip` option, `*.localhost` from a browser); website hosts `….cos-website.<region>.…`;
// - service hosts `service.cos.<suffix>` and `cos.<region>.<suffix>`;
// - custom domains bound with PUT Bucket domain (436/35868): the bucket's host or website host;
// - anything else (127.0.0.1, localhost): path-style `/<bucket-appid>/<key>`, bare `/` = service.
// Keys are percent-decoded and otherwise kept as sent (`a//b`, `a/../x`, `../x` are keys), except at
// their start: a key never begins with `/` (436/13324), so the empty and `.` segments a path starts
// with are not part of it — `GET ///////` and `GET /./` list the bucket and `PUT ///a/./b` writes
// `a/./b`, as cos-nodejs-sdk-v5's suite sees real COS do ("getObject() 手动关闭合并 Key 校验").
import { CosError } from '../shared/errors/cos-error';
import { BUCKET_SEGMENT } from '../shared/cos/bucket-name';
import { RequestQuery } from './query';
import { subresourcesOf } from './subresources';

export type Level = 'service' | 'bucket' | 'object';
export type Style = 'virtual-hosted' | 'website' | 'service-host' | 'path';

export interface Route {
  style: Style;
  level: Level;
  /** The request's host (port included): the absolute-form target's authority, else the Host header; what `host` is signed as. */
  host: string;
  bucket?: string;
  /** From the host; path-style and `service.cos.*` carry none. */
  region?: string;
  /** Decoded key ('' below object level). */
  key: string;
  /** The raw (encoded) path, for the error `Resource`. */
  rawPath: string;
  /** The one reading of the query (query.ts). */
  query: RequestQuery;
  /** Known COS subresources present in the query, in order. */
  subresources: string[];
  /** Decoded pathnames a signature may cover (path-style: without and with the bucket segment). */
  signaturePaths: string[];
}

const VIRTUAL = /^([a-z0-9-]+-\d+)\.(cos|cos-website)\.([a-z0-9-]+)\..+$/;
const REGION_SERVICE = /^cos\.([a-z0-9-]+)\..+$/;
const GLOBAL_SERVICE = /^service\.cos\..+$/;
const ABSOLUTE = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)(.*)$/i;

/** Leading `/` and `./` of the part of a path after its first `/` (see the file comment). */
const LEADING_EMPTY_OR_DOT = /^(?:\.?\/)+/;

function keyOf(rest: string): string {
  return rest.replace(LEADING_EMPTY_OR_DOT, '');
}

function decodePath(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new CosError('InvalidURI', { message: 'Couldn\'t parse the specified URI.' });
  }
}

function hostname(host: string): string {
  const h = host.toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1); // IPv6 literal
  const colon = h.lastIndexOf(':');
  return colon < 0 ? h : h.slice(0, colon);
}

/** A custom domain bound to a bucket (PUT Bucket domain, ops/domain.ts). */
export interface DomainBinding {
  bucket: string;
  type: 'REST' | 'WEBSITE';
}

export interface RouteInput {
  /** The request-target: origin-form `/path?q` or absolute-form `http://host/path?q`. */
  target: string;
  /** The Host header (undefined for HTTP/1.0 without one). */
  host: string | undefined;
  /** The enabled custom domain of that host name (no port), if any. */
  findDomain?: (hostname: string) => DomainBinding | undefined;
}

export function resolveRoute({ target, host: hostHeader, findDomain }: RouteInput): Route {
  let pathAndQuery = target;
  let authority: string | undefined;
  const abs = ABSOLUTE.exec(target);
  if (abs) {
    // Proxy mode (the SDK's `Proxy` option): the target's authority wins and the Host header is
    // ignored (RFC 9112 §3.2.2) — for routing *and* for the signed `host`, so a signature made for
    // one bucket's host cannot be sent with an absolute-form target naming another bucket.
    authority = abs[1] ?? '';
    pathAndQuery = abs[2] || '/';
  }
  const host = authority ?? hostHeader ?? '';
  const q = pathAndQuery.indexOf('?');
  const rawPath = q < 0 ? pathAndQuery : pathAndQuery.slice(0, q);
  const query = RequestQuery.parse(q < 0 ? '' : pathAndQuery.slice(q + 1));
  const base = { host, rawPath, query, subresources: subresourcesOf(query.params.map((p) => p.name)) };
  const decoded = decodePath(rawPath);
  const path = decoded.startsWith('/') ? decoded : `/${decoded}`;
  const name = hostname(authority ?? host);

  const vh = VIRTUAL.exec(name);
  if (vh) {
    const key = keyOf(path.slice(1));
    return {
      ...base, style: vh[2] === 'cos-website' ? 'website' : 'virtual-hosted', level: key === '' ? 'bucket' : 'object',
      bucket: vh[1] ?? '', region: vh[3] ?? '', key, signaturePaths: [path],
    };
  }
  // A bound custom domain: REST behaves as the bucket's own host, WEBSITE as its website host; the
  // bucket's region is its own (no region in the host), and the signature covers the path as sent.
  const bound = findDomain?.(name);
  if (bound) {
    const key = keyOf(path.slice(1));
    return {
      ...base, style: bound.type === 'WEBSITE' ? 'website' : 'virtual-hosted', level: key === '' ? 'bucket' : 'object',
      bucket: bound.bucket, key, signaturePaths: [path],
    };
  }
  const regional = REGION_SERVICE.exec(name);
  if (regional || GLOBAL_SERVICE.test(name)) {
    const service = { ...base, style: 'service-host' as const, level: 'service' as const, key: '', signaturePaths: [path] };
    return regional ? { ...service, region: regional[1] ?? '' } : service;
  }
  // Path-style: the first segment names the bucket. The SDKs sign the path without it
  // (`Domain: 'http://127.0.0.1:9000/{Bucket}'`: cos-js-sdk-v5 1.10.1 src/base.js getUrl signs `/<key>`);
  // the full path is accepted too.
  const slash = path.indexOf('/', 1);
  const segment = slash < 0 ? path.slice(1) : path.slice(1, slash);
  if (segment === '') return { ...base, style: 'path', level: 'service', key: '', signaturePaths: [path] };
  const rawKey = slash < 0 ? '' : path.slice(slash + 1);
  const key = keyOf(rawKey);
  const signaturePaths = BUCKET_SEGMENT.test(segment) ? [`/${rawKey}`, path] : [path];
  return { ...base, style: 'path', level: key === '' ? 'bucket' : 'object', bucket: segment, key, signaturePaths };
}
