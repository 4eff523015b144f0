// Request generation for the HTTP fuzz test: methods, addressing (path-style, virtual-hosted,
// website and service hosts, custom domains, garbage and missing hosts, absolute-form targets),
// keys with good and bad escapes, every COS subresource and listing parameter with hostile values,
// x-cos-* and conditional headers, garbage and valid signatures (436/7778), and bodies (bodies.ts).
import { signRequest } from '../../shared/signature/sign';
import { generateBody, md5Base64 } from './bodies';
import type { Rng } from './prng';

export interface FuzzContext {
  port: number;
  /** An existing bucket (APPID 1250000000). */
  bucket: string;
  secretId: string;
  secretKey: string;
  /** A multipart upload in progress on key `mp` of the bucket. */
  uploadId: string;
  nowS: number;
}

export interface FuzzRequest {
  index: number;
  method: string;
  /** The request-target, as sent. */
  target: string;
  headers: [string, string][];
  body: Buffer;
  chunked: boolean;
  /** `HTTP/1.1`, sometimes `HTTP/1.0`. */
  version: string;
  /** Website and custom-domain hosts may answer HTML errors. */
  htmlAllowed: boolean;
  signed: boolean;
}

const SUBRESOURCES = ['acl', 'cors', 'delete', 'domain', 'encryption', 'lifecycle', 'policy', 'referer', 'replication', 'tagging', 'uploads', 'uploadId',
  'partNumber', 'versions', 'versioning', 'website', 'location', 'append', 'position'];
const OBJECT_SUBRESOURCES = ['acl', 'tagging', 'uploads', 'uploadId', 'partNumber', 'append', 'position', 'versionId'];
const PARAMS = ['prefix', 'marker', 'max-keys', 'delimiter', 'encoding-type', 'versionId', 'response-content-type', 'response-content-disposition',
  'response-cache-control', 'response-expires', 'key-marker', 'version-id-marker', 'upload-id-marker', 'max-uploads', 'max-parts', 'part-number-marker',
  'Prefix', 'MAX-KEYS', 'Delimiter', 'ACL', 'Versioning', 'x-cos-security-token', 'q-sign-algorithm', 'q-ak', 'q-signature', 'progress', 'x-cos-traffic-limit'];
const VALUES = ['', '0', '1', '-1', '-99999', '1000', '1001', '99999999999999999999', '1e3', '0x10', 'abc', 'url', 'URL', '/', '%2F', '%zz', '%00', '%E4%B8%AD',
  '%C0%AF', 'a%20b', '+', 'null', 'text/html%0D%0ASet-Cookie:%20x=1', 'attachment;%20filename=%22%E4%B8%AD.txt%22', 'x'.repeat(2000), '%FF%FE'];
const METHODS = ['GET', 'GET', 'GET', 'HEAD', 'PUT', 'PUT', 'POST', 'DELETE', 'OPTIONS'];
const ODD_METHODS = ['PATCH', 'PROPFIND', 'get', 'Put', 'TRACE', 'MKCOL', 'COPY', 'LOCK', 'SEARCH', 'PURGE', 'FOO', 'CONNECT'];
const INVALID_BUCKETS = ['UPPER-1250000000', 'a', 'ab-', `${'x'.repeat(60)}-1250000000`, 'no-appid', '-bad-1250000000', 'bad_name-1250000000', 'bad..x-1250000000',
  'fuzz-125000000x', '%zz', '..', '中文-1250000000'];
const KEYS = ['k', 'obj.txt', 'dir/a', 'dir/', 'mp', '%zz', '%00', '%', '%2', 'a%2Fb', '%E4%B8%AD%E6%96%87', '%C0%AF', '%ED%A0%80', '..', '../x', 'a/../b', './x',
  '//x', 'a//b', '.', '%2e%2e/x', 'a%20b+c', '~*!\'()', '%23frag', 'q%3Fx', 'index.html', 'error.html', 'docs/x'];
const GARBAGE_HOSTS = ['', '[::1', '[', ':', '....', 'a'.repeat(300), '%zz', 'UPPER-1250000000.cos.ap-guangzhou.localhost', '-1.cos..localhost',
  '127.0.0.1:99999', 'fuzz-1250000000.cos.ap-guangzhou.', 'fuzz-1250000000.cos.', '.cos.ap-guangzhou.localhost', 'cos.', 'service.cos.', 'user@host',
  'fuzz-1250000000.cos.ap-guangzhou.localhost:abc', '[::1]:9000', 'xn--fiq228c.example'];
const X_COS = ['x-cos-acl', 'x-cos-grant-read', 'x-cos-grant-full-control', 'x-cos-meta-a', 'x-cos-storage-class', 'x-cos-copy-source', 'x-cos-copy-source-range',
  'x-cos-tagging', 'x-cos-server-side-encryption', 'x-cos-version-id', 'x-cos-traffic-limit', 'x-cos-forbid-overwrite', 'x-cos-metadata-directive',
  'x-cos-copy-source-If-Match', 'x-cos-copy-source-If-Modified-Since', 'x-cos-tagging-directive', 'x-cos-mfa', 'x-cos-request-id', 'x-cos-replication-status'];
const X_COS_VALUES = ['private', 'public-read', 'public-read-write', 'default', 'GOLD', 'STANDARD', 'ARCHIVE', 'id="qcs::cam::uin/100000000001:uin/100000000001"',
  'uri="http://cam.qcloud.com/groups/global/AllUsers"', 'id=x', 'fuzz-1250000000.cos.ap-guangzhou.myqcloud.com/k', '/fuzz-1250000000/k', 'nope', 'bytes=0-1', 'bytes=-1',
  'a=1&b=2', 'a=1&a=2', '=', 'AES256', 'cos/kms', '1', '-1', 'true', 'Replaced', 'Copy', '中文', '', 'x'.repeat(3000)];
const DATES = ['Thu, 01 Jan 1970 00:00:00 GMT', 'Wed, 21 Oct 2099 07:28:00 GMT', 'garbage', '0', '', '2024-01-01', '-1', 'Sun, 31 Dec 9999 23:59:59 GMT'];
const RANGES = ['bytes=0-1', 'bytes=-5', 'bytes=5-', 'bytes=a-b', 'bytes=9999999999999999999-', 'chars=1-2', 'bytes=0-1,3-4', '', 'bytes=-', 'bytes=5-1', 'bytes=--1'];
const HALF_AUTH = ['q-sign-algorithm=sha1', 'q-sign-algorithm=sha1&q-ak=', 'q-sign-algorithm=md5&q-ak=AKID&q-sign-time=1;2', 'Bearer x', 'AWS4-HMAC-SHA256 Credential=x',
  'q-sign-algorithm=sha1&q-ak=AKIDx&q-sign-time=1;99999999999999999999&q-key-time=1;99999999999999999999&q-header-list=&q-url-param-list=&q-signature=00',
  'q-sign-algorithm=sha1&q-ak=AKIDx&q-sign-time=abc&q-key-time=abc&q-header-list=host&q-url-param-list=&q-signature=',
  'q-sign-algorithm=sha1&q-sign-algorithm=sha1&q-ak=a&q-ak=b', '&&&', '=', 'q-sign-time=-5;-1', '%zz', 'q-ak=%zz&q-signature=%00'];

function pickMethod(rng: Rng, subresource: string | undefined): string {
  if (rng.chance(0.06)) return rng.pick(ODD_METHODS);
  if (subresource !== undefined && rng.chance(0.7)) {
    if (['delete', 'uploads', 'append', 'position'].includes(subresource)) return 'POST';
    if (subresource === 'uploadId') return rng.pick(['POST', 'GET', 'DELETE', 'PUT']);
    return rng.pick(['PUT', 'PUT', 'GET', 'DELETE']);
  }
  return rng.pick(METHODS);
}

function pickBucket(rng: Rng, ctx: FuzzContext): string {
  const r = rng.next();
  if (r < 0.72) return ctx.bucket;
  if (r < 0.82) return rng.pick(['nope-1250000000', 'fuzz-1250000001', 'other-1250000000']);
  return rng.pick(INVALID_BUCKETS);
}

function pickKey(rng: Rng): string {
  const r = rng.next();
  if (r < 0.7) return rng.pick(KEYS);
  if (r < 0.8) return `dir/${rng.int(50)}`;
  if (r < 0.87) return 'k'.repeat(rng.between(800, 2000));
  if (r < 0.94) return encodeURIComponent(String.fromCodePoint(...Array.from({ length: rng.between(1, 8) }, () => rng.between(0x20, 0x2fff))));
  return `${rng.pick(KEYS)}/${rng.pick(KEYS)}`;
}

interface Addressing {
  host: string | undefined;
  /** The path, raw (already escaped). */
  path: string;
  htmlAllowed: boolean;
  absolute: boolean;
}

function address(rng: Rng, ctx: FuzzContext, level: 'service' | 'bucket' | 'object'): Addressing {
  const bucket = pickBucket(rng, ctx);
  const key = level === 'object' ? pickKey(rng) : '';
  const local = `127.0.0.1:${ctx.port}`;
  const r = rng.next();
  const absolute = rng.chance(0.04);
  const pathStyle = (): string => (level === 'service' ? rng.pick(['/', '//', '/./']) : `/${bucket}${level === 'object' ? `/${key}` : rng.pick(['', '/', '//'])}`);
  if (r < 0.45) return { host: rng.chance(0.9) ? local : `localhost:${ctx.port}`, path: pathStyle(), htmlAllowed: false, absolute };
  if (r < 0.65) {
    const region = rng.chance(0.9) ? 'ap-guangzhou' : 'ap-beijing';
    return { host: `${bucket}.cos.${region}.localhost${rng.chance(0.5) ? `:${ctx.port}` : ''}`, path: `/${key}`, htmlAllowed: false, absolute };
  }
  if (r < 0.72) return { host: `${bucket}.cos-website.ap-guangzhou.localhost`, path: `/${key}`, htmlAllowed: true, absolute };
  if (r < 0.77) return { host: rng.pick(['service.cos.localhost', 'cos.ap-guangzhou.localhost', 'service.cos.myqcloud.com']), path: rng.pick(['/', `/${key}`]), htmlAllowed: false, absolute };
  if (r < 0.82) return { host: rng.pick(['www.example.com', 'web.example.com']), path: `/${key}`, htmlAllowed: true, absolute };
  if (r < 0.92) return { host: rng.pick(GARBAGE_HOSTS), path: pathStyle(), htmlAllowed: false, absolute: false };
  return { host: undefined, path: pathStyle(), htmlAllowed: false, absolute: false };
}

function query(rng: Rng, level: string): { pairs: [string, string | undefined][]; subresource: string | undefined } {
  const pairs: [string, string | undefined][] = [];
  let subresource: string | undefined;
  if (rng.chance(level === 'object' ? 0.35 : 0.55)) {
    subresource = rng.pick(level === 'object' ? OBJECT_SUBRESOURCES : SUBRESOURCES);
    pairs.push([subresource, rng.chance(0.8) ? undefined : rng.pick(VALUES)]);
    if (subresource === 'append') pairs.push(['position', rng.pick(['0', '1', '-1', 'x', '99999999999999999999', ''])]);
  }
  for (let n = rng.int(4); n > 0; n--) {
    const name = rng.chance(0.15) ? rng.pick(SUBRESOURCES) : rng.pick(PARAMS);
    pairs.push([name, rng.chance(0.1) ? undefined : rng.pick(VALUES)]);
  }
  if (rng.chance(0.05) && pairs.length > 0) pairs.push(pairs[0] ?? ['x', '']);
  return { pairs, subresource };
}

const decode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

type Level = 'service' | 'bucket' | 'object';

interface Shape {
  level: Level;
  addr: Addressing;
  pairs: [string, string | undefined][];
  subresource: string | undefined;
  method: string;
  /** Well-formed requests are mostly signed and carry little header noise. */
  focused: boolean;
}

/** Anything goes: odd hosts, buckets, methods and parameter mixes. */
function wildShape(rng: Rng, ctx: FuzzContext): Shape {
  const level = rng.pick(['service', 'bucket', 'bucket', 'object', 'object', 'object'] as const);
  const addr = address(rng, ctx, level);
  const q = query(rng, level);
  return { level, addr, ...q, method: pickMethod(rng, q.subresource), focused: false };
}

/** The methods each subresource takes (436/7751), by level; '' is no subresource. */
const BUCKET_METHODS: Readonly<Record<string, readonly string[]>> = {
  '': ['GET', 'GET', 'HEAD', 'PUT', 'POST'], acl: ['PUT', 'GET'], cors: ['PUT', 'PUT', 'GET', 'DELETE'], delete: ['POST'], domain: ['PUT', 'GET', 'DELETE'],
  encryption: ['PUT', 'GET', 'DELETE'], lifecycle: ['PUT', 'PUT', 'GET', 'DELETE'], policy: ['PUT', 'PUT', 'GET', 'DELETE'], referer: ['PUT', 'GET'],
  replication: ['PUT', 'GET', 'DELETE'], tagging: ['PUT', 'GET', 'DELETE'], uploads: ['GET'], versions: ['GET'], versioning: ['PUT', 'GET'],
  website: ['PUT', 'GET', 'DELETE'], location: ['GET'],
};
const OBJECT_METHODS: Readonly<Record<string, readonly string[]>> = {
  '': ['GET', 'GET', 'HEAD', 'PUT', 'PUT', 'DELETE', 'OPTIONS'], acl: ['PUT', 'GET'], tagging: ['PUT', 'GET', 'DELETE'], uploads: ['POST'],
  uploadId: ['PUT', 'POST', 'GET', 'DELETE'], append: ['POST'],
};
const LIST_VALUES = ['', '/', 'dir/', 'a', '0', '1', '2', '1000', 'url', '-1', 'k', 'dir/1', 'null'];

/** A request as a client would send it, to the existing bucket: the operations' own checks run. */
function focusedShape(rng: Rng, ctx: FuzzContext): Shape {
  const level = rng.chance(0.55) ? 'bucket' : 'object';
  const key = level === 'object' ? pickKey(rng) : '';
  const vhost = rng.chance(0.4);
  const addr: Addressing = vhost
    ? { host: `${ctx.bucket}.cos.ap-guangzhou.localhost:${ctx.port}`, path: `/${key}`, htmlAllowed: false, absolute: false }
    : { host: `127.0.0.1:${ctx.port}`, path: `/${ctx.bucket}/${key}`, htmlAllowed: false, absolute: false };
  const table = level === 'bucket' ? BUCKET_METHODS : OBJECT_METHODS;
  const sub = rng.chance(0.7) ? rng.pick(Object.keys(table).filter((k) => k !== '')) : '';
  const method = rng.pick(table[sub] ?? ['GET']);
  const pairs: [string, string | undefined][] = sub === '' ? [] : [[sub, undefined]];
  if (sub === 'uploadId') {
    pairs[0] = ['uploadId', rng.chance(0.8) ? ctx.uploadId : rng.pick(VALUES)];
    if (method === 'PUT') pairs.push(['partNumber', rng.pick(['1', '2', '10000', '10001', '0', '-1', 'x'])]);
  }
  if (sub === 'append') pairs.push(['position', rng.pick(['0', '0', '1', '-1', '5', 'x'])]);
  for (let n = rng.chance(0.4) ? rng.between(1, 2) : 0; n > 0; n--) {
    pairs.push([rng.pick(['prefix', 'marker', 'max-keys', 'delimiter', 'encoding-type', 'versionId', 'key-marker', 'max-parts', 'max-uploads', 'response-content-type']), rng.pick(LIST_VALUES)]);
  }
  const unique = [...new Map(pairs.map((p) => [p[0].toLowerCase(), p])).values()];
  return { level, addr, pairs: unique, subresource: sub === '' ? undefined : sub, method, focused: true };
}

export function generate(rng: Rng, ctx: FuzzContext, index: number): FuzzRequest {
  const shape = rng.chance(0.4) ? focusedShape(rng, ctx) : wildShape(rng, ctx);
  const { level, addr, method, focused } = shape;
  const noise = focused ? 0.3 : 1;
  const withUpload = shape.pairs.map(([n, v]): [string, string | undefined] => (n === 'uploadId' && !focused && rng.chance(0.5) ? [n, ctx.uploadId] : [n, v]));
  const qs = withUpload.map(([n, v]) => (v === undefined ? n : `${n}=${v}`)).join('&');
  const pathAndQuery = `${addr.path}${qs === '' ? '' : `?${qs}`}`;
  const target = addr.absolute && addr.host !== undefined ? `http://${addr.host}${pathAndQuery}` : pathAndQuery;

  const hasBody = method === 'PUT' || method === 'POST' || rng.chance(0.05);
  const generated = hasBody ? generateBody(rng, shape.subresource, method, level) : { body: Buffer.alloc(0) };
  const body = generated.body;
  const headers: [string, string][] = [];
  if (addr.host !== undefined) headers.push(['Host', addr.host]);
  if (generated.contentType) headers.push(['Content-Type', generated.contentType]);
  else if (rng.chance(0.2)) headers.push(['Content-Type', rng.pick(['application/xml', 'text/plain', 'application/json', 'multipart/form-data', 'x/y; charset=nope', ''])]);
  for (let n = rng.chance(0.4 * noise) ? rng.between(1, 3) : 0; n > 0; n--) headers.push([rng.pick(X_COS), rng.pick(X_COS_VALUES)]);
  const md5 = rng.next();
  if (md5 < 0.1) headers.push(['Content-MD5', md5Base64(body)]);
  else if (md5 < 0.1 + 0.04 * noise) headers.push(['Content-MD5', rng.pick(['nope', '', 'AAAA', md5Base64(Buffer.from('other'))])]);
  if (rng.chance(0.1 * noise)) headers.push(['Range', rng.pick(RANGES)]);
  if (rng.chance(0.08 * noise)) headers.push([rng.pick(['If-Modified-Since', 'If-Unmodified-Since', 'If-Match', 'If-None-Match']), rng.pick([...DATES, '*', '"x"', 'W/"x"'])]);
  if (method === 'OPTIONS' || rng.chance(0.08)) {
    if (rng.chance(0.85)) headers.push(['Origin', rng.pick(['https://a.example.com', 'null', '*', '', 'http://localhost:3000', 'x'.repeat(500)])]);
    if (rng.chance(0.8)) headers.push(['Access-Control-Request-Method', rng.pick(['GET', 'PUT', 'DELETE', 'get', 'FOO', ''])]);
    if (rng.chance(0.4)) headers.push(['Access-Control-Request-Headers', rng.pick(['x-cos-meta-a', 'authorization, content-type', '*', ',,,', ''])]);
  }
  if (rng.chance(0.05)) headers.push(['Referer', rng.pick(['https://www.example.com/x', 'garbage', ''])]);
  if (rng.chance(0.05)) headers.push(['x-cos-security-token', rng.pick(['garbage', '', 'x'.repeat(2000), 'eyJhbGciOiJIUzI1NiJ9.e30.x'])]);
  if (rng.chance(0.02)) headers.push(['Expect', '100-continue']);

  let signed = false;
  const auth = rng.next();
  if (auth < (focused ? 0.9 : 0.4)) {
    // Signed correctly for the decoded path and query as sent (duplicates collapse: those fail).
    const host = addr.host;
    const signHost = host !== undefined && rng.chance(0.3);
    const queryPairs = Object.fromEntries(withUpload.map(([n, v]) => [decode(n), decode(v ?? '')]));
    const keyTime = `${ctx.nowS - 1};${ctx.nowS + 3600}`;
    const authorization = signRequest({
      secretId: ctx.secretId, secretKey: ctx.secretKey, method: method.toUpperCase(), pathname: decode(addr.path), query: queryPairs,
      ...(signHost ? { headers: { host } } : {}), keyTime,
    });
    headers.push(['Authorization', authorization]);
    signed = true;
  } else if (auth < (focused ? 0.95 : 0.55)) {
    headers.push(['Authorization', rng.pick(HALF_AUTH)]);
  }
  const chunked = body.length > 0 && rng.chance(0.04 * noise);
  const c = rng.next();
  if (c < 0.03) headers.push(['Connection', 'close']);
  else if (c < 0.05) headers.push(['Connection', 'Upgrade'], ['Upgrade', rng.pick(['websocket', 'h2c', 'TLS/1.2'])]);
  const version = !chunked && rng.chance(0.03) ? 'HTTP/1.0' : 'HTTP/1.1';
  return { index, method, target, headers, body, chunked, version, htmlAllowed: addr.htmlAllowed, signed };
}

/** The request's bytes, framed with Content-Length (or chunked). */
export function serialize(req: FuzzRequest): Buffer {
  const lines = [`${req.method} ${req.target} ${req.version}`, ...req.headers.map(([n, v]) => `${n}: ${v}`)];
  if (req.chunked) lines.push('Transfer-Encoding: chunked');
  else if (req.body.length > 0 || req.method === 'PUT' || req.method === 'POST') lines.push(`Content-Length: ${req.body.length}`);
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'utf8');
  if (!req.chunked) return Buffer.concat([head, req.body]);
  const half = Math.ceil(req.body.length / 2);
  const chunks = [req.body.subarray(0, half), req.body.subarray(half)].filter((c) => c.length > 0);
  return Buffer.concat([head, ...chunks.flatMap((c) => [Buffer.from(`${c.length.toString(16)}\r\n`), c, Buffer.from('\r\n')]), Buffer.from('0\r\n\r\n')]);
}

/** Method, target, headers and the first 200 bytes of the body, for a failure report. */
export function describeRequest(req: FuzzRequest): string {
  const body = req.body.subarray(0, 200).toString('latin1');
  return [
    `#${req.index} ${req.method} ${req.target.length > 300 ? `${req.target.slice(0, 300)}…(${req.target.length})` : req.target} ${req.version}${req.chunked ? ' (chunked)' : ''}`,
    ...req.headers.map(([n, v]) => `  ${n}: ${v.length > 200 ? `${v.slice(0, 200)}…(${v.length})` : v}`),
    `  body (${req.body.length} bytes): ${JSON.stringify(body)}`,
  ].join('\n');
}
