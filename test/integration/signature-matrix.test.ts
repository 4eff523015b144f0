// A generated matrix: no signature from POST /api/sign and no temporary key from POST /api/sts issued
// to a restricted console account ever reads or lists a key outside the account's grants in
// cos-local, whatever the holder changes in the request. Each legitimate request is sent as signed
// (it must succeed), then in many mutated forms: parameter names re-cased (the COS signature
// lower-cases names, 436/7778, so `Prefix=` carries the signature of `prefix=`), parameters given
// twice, the prefix dropped or widened, subresources added unsigned, the security token in the
// header and the query, another bucket or region in the Host or the path, absolute-form targets.
// Signatures from /api/sign are replayed unchanged on the mutation (and odd requests the holder may
// ask it to sign are sent too); with an /api/sts key the holder signs the mutation itself
// (signRequest), so only the key's policy stands between it and the data.
//
// The oracle is written here from the grants, not from the code under test:
// - a 2xx listing of objects or of versions names (in `<Key>` and in CommonPrefixes' `<Prefix>`) only
//   names under the prefix of a grant with `list` in the listed bucket (the bucket the answer names,
//   and the names must be ones seeded in that bucket);
// - a 2xx listing of multipart uploads only names under a grant with `list` or `write` there (an
//   upload-only account lists its own uploads to resume them: the grant model's ListMultipartUploads);
// - a 2xx GET/HEAD of an object is the body (GET) or the ETag (HEAD) of a seeded object version
//   whose key is under a grant with `read` in its bucket — and, when the mutation kept the addressed
//   object, that object's;
// - any other 2xx answer is a violation (nothing else is granted), and so is any 5xx.
// A refusal (4xx) always satisfies it. Every request is counted by status and code.
import COS from 'cos-nodejs-sdk-v5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAccounts } from '../../src/cos-local/accounts';
import { startCosLocal, type RunningCosLocal } from '../../src/cos-local/app';
import type { Grant, Permission } from '../../src/shared/access/grants';
import { safeDecode } from '../../src/shared/signature/parse';
import { signRequest } from '../../src/shared/signature/sign';
import { signIn, testApp, type TestApp } from '../../src/server/test-support';
import { bucketHost, cosRequest, type CosAnswer } from '../support/cos-request';

const SECRET_ID = 'AKIDsignaturematrix00000000000000000';
const SECRET_KEY = 'signature-matrix-secret-key-0000';
const REGION = 'ap-guangzhou';
const OTHER_REGION = 'ap-beijing';
const PHOTOS = 'photos-1250000000';
const DOCS = 'docs-1250000000';
const ARCHIVE = 'archive-1250000000';
const BUCKETS = [PHOTOS, DOCS, ARCHIVE];
const VERSIONED = new Set([PHOTOS, ARCHIVE]);

const GRANTS: Grant[] = [
  { bucket: PHOTOS, prefix: 'alice/', permissions: ['list', 'read'] },
  { bucket: PHOTOS, prefix: 'shared/', permissions: ['read'] },
  { bucket: PHOTOS, prefix: 'été 2024/', permissions: ['list'] },
  { bucket: DOCS, prefix: 'pub/', permissions: ['list'] },
  { bucket: DOCS, prefix: 'in/', permissions: ['write'] },
  { bucket: ARCHIVE, prefix: '', permissions: ['list'] },
];

/** Objects put in order; a key given twice gets two versions in a versioned bucket. */
const OBJECTS: Record<string, string[]> = {
  [PHOTOS]: [
    'alice/a.txt', 'alice/a.txt', 'alice/sub/b.txt', 'alice/my photo ü.jpg', 'alice', 'alicex/c.txt', 'shared/s.txt', 'shared/x y.txt',
    'bob/d.txt', 'bob/d.txt', 'r.txt', 'été 2024/plage 1.jpg', 'été 2024x/n.jpg', 'été/z.jpg', 'ALICE/secret.txt',
  ],
  [DOCS]: ['pub/p.txt', 'pub/sub/q.txt', 'pubx/r.txt', 'private/s.txt', 'in/i.txt'],
  [ARCHIVE]: ['old/o.txt', 'old/o.txt', 'new/n.txt', 'x y/ü.txt'],
};
/** Multipart uploads left in progress, so `?uploads` listings have something to name. */
const UPLOADS: Record<string, string[]> = {
  [PHOTOS]: ['alice/up.bin', 'alicex/up.bin', 'bob/up.bin', 'été 2024/up.bin'],
  [DOCS]: ['in/u.bin', 'pub/u.bin', 'secret/u.bin'],
  [ARCHIVE]: ['old/u.bin'],
};

// ---------------------------------------------------------------------------------------------
// The oracle.

type ListingKind = 'objects' | 'versions' | 'uploads';
const LISTING_ROOTS: Record<string, ListingKind> = { ListBucketResult: 'objects', ListVersionsResult: 'versions', ListMultipartUploadsResult: 'uploads' };
const MAY_REVEAL: Record<ListingKind, Permission[]> = { objects: ['list'], versions: ['list'], uploads: ['list', 'write'] };

const mayList = (bucket: string, kind: ListingKind, name: string): boolean =>
  GRANTS.some((g) => g.bucket === bucket && MAY_REVEAL[kind].some((p) => g.permissions.includes(p)) && name.startsWith(g.prefix));
const mayRead = (bucket: string, key: string): boolean =>
  GRANTS.some((g) => g.bucket === bucket && g.permissions.includes('read') && key.startsWith(g.prefix));

interface Seeded { bucket: string; key: string; versionId?: string; body: string; etag: string }
const byBody = new Map<string, Seeded>();
const byEtag = new Map<string, Seeded>();
/** Version ids by `bucket/key`, oldest first. */
const versionsOf = new Map<string, string[]>();
/** The id of every upload in progress, by `bucket/key`. */
const uploadIds = new Map<string, string>();

const unescapeXml = (s: string): string => s
  .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
  .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Why the answer breaks the oracle, or undefined. `target`: the object the request still addresses. */
function judge(a: CosAnswer, method: string, target?: { bucket: string; key: string }): string | undefined {
  if (a.status === 0 || a.status >= 500) return `server error ${a.status} ${a.code}`;
  if (a.status < 200 || a.status >= 300) return undefined;
  const root = /^(?:<\?xml[^>]*>\s*)?<([A-Za-z]+)[\s>]/.exec(a.text)?.[1] ?? '';
  const kind = method === 'GET' ? LISTING_ROOTS[root] : undefined;
  if (kind) {
    const rawBucket = /<(?:Name|Bucket)>([^<]*)<\/(?:Name|Bucket)>/.exec(a.text)?.[1];
    if (rawBucket === undefined) return `a ${root} that names no bucket`;
    const bucket = unescapeXml(rawBucket);
    // GET Bucket and its versions write `EncodingType`, List Multipart Uploads `Encoding-Type` (436/7736).
    const url = /<(EncodingType|Encoding-Type)>url<\/\1>/.test(a.text);
    const decode = (s: string): string => (url ? safeDecode(unescapeXml(s)) : unescapeXml(s));
    const keys = [...a.text.matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => decode(m[1] ?? ''));
    const common = [...a.text.matchAll(/<CommonPrefixes>\s*<Prefix>([^<]*)<\/Prefix>/g)].map((m) => decode(m[1] ?? ''));
    const outside = [...keys, ...common].filter((n) => !mayList(bucket, kind, n));
    if (outside.length > 0) return `${root} of ${bucket} names ${JSON.stringify(outside)}, outside the ${MAY_REVEAL[kind].join('/')} grants`;
    // The bucket is the one the answer names, so the names must be that bucket's: another bucket's
    // keys under this one's name would otherwise be judged by the wrong grants.
    const held = (kind === 'uploads' ? UPLOADS : OBJECTS)[bucket] ?? [];
    const foreign = [...keys.filter((k) => !held.includes(k)), ...common.filter((p) => !held.some((k) => k.startsWith(p)))];
    return foreign.length === 0 ? undefined : `${root} of ${bucket} names ${JSON.stringify(foreign)}, which ${bucket} does not hold`;
  }
  if (method === 'GET' || method === 'HEAD') {
    const etag = a.headers['etag'];
    const seen = method === 'GET' ? byBody.get(a.text) : typeof etag === 'string' ? byEtag.get(etag) : undefined;
    if (!seen) return `a 2xx ${method} that is neither a listing nor a seeded object (${root ? `<${root}>` : JSON.stringify(a.text.slice(0, 80))}, ETag ${String(etag)})`;
    if (!mayRead(seen.bucket, seen.key)) return `${method === 'GET' ? 'the body' : 'the ETag'} of ${seen.bucket}/${seen.key}, outside the read grants`;
    if (target && (seen.bucket !== target.bucket || seen.key !== target.key)) return `the answer is ${seen.bucket}/${seen.key}'s, not ${target.bucket}/${target.key}'s`;
    return undefined;
  }
  return `a 2xx ${method}`;
}

// ---------------------------------------------------------------------------------------------
// Requests: what is signed (a Base) and what is sent (a Sent, after mutation).

type Style = 'virtual-hosted' | 'path-style';
const STYLES: Style[] = ['virtual-hosted', 'path-style'];
/** Subresources are sent without `=`, as the SDKs write them. */
const FLAGS = new Set(['versions', 'uploads', 'acl', 'tagging']);
const TOKEN = 'x-cos-security-token';

interface Base {
  method: 'GET' | 'HEAD';
  bucket: string;
  /** '' for a bucket request. */
  key: string;
  /** As signed, in order; a subresource has the value ''. */
  query: [string, string][];
}

interface Param {
  /** Decoded, as the server will read it. */
  name: string;
  /** Decoded; undefined = no `=`. */
  value?: string;
  /** The exact text sent, when not the plain encoding of name and value. */
  raw?: string;
}

interface Sent {
  method: 'GET' | 'HEAD';
  /** The Host header. */
  host: string;
  /** Set: an absolute-form request-target `http://<authority><rawPath>?…`. */
  authority?: string;
  /** Encoded, as sent. */
  rawPath: string;
  params: Param[];
  headers: Record<string, string>;
}

interface Mutation {
  family: string;
  label: string;
  apply: (s: Sent) => Sent;
  /** The mutated request still addresses the base's object (its body is expected on a 2xx). */
  keepsTarget: boolean;
}

const fileStarted = Date.now();
let cosLocal: RunningCosLocal;
let t: TestApp;
let carol: { cookie: string; csrf: string };
let root: COS;
const vhost = (bucket: string, region = REGION): string => bucketHost(bucket, region, cosLocal.port);
const pathHost = (): string => `127.0.0.1:${cosLocal.port}`;
const encKey = (key: string): string => key.split('/').map(encodeURIComponent).join('/');
const describeBase = (b: Base): string =>
  `${b.method} ${b.bucket}/${b.key}${b.query.length ? `?${b.query.map(([k, v]) => (FLAGS.has(k) && v === '' ? k : `${k}=${v}`)).join('&')}` : ''}`;

function sentOf(base: Base, style: Style): Sent {
  return {
    method: base.method,
    host: style === 'virtual-hosted' ? vhost(base.bucket) : pathHost(),
    rawPath: `${style === 'path-style' ? `/${base.bucket}` : ''}/${encKey(base.key)}`,
    params: base.query.map(([name, value]) => (FLAGS.has(name) && value === '' ? { name } : { name, value })),
    headers: {},
  };
}

const renderParam = (p: Param): string => p.raw ?? (p.value === undefined ? encodeURIComponent(p.name) : `${encodeURIComponent(p.name)}=${encodeURIComponent(p.value)}`);
const targetOf = (s: Sent): string =>
  `${s.authority !== undefined ? `http://${s.authority}` : ''}${s.rawPath}${s.params.length ? `?${s.params.map(renderParam).join('&')}` : ''}`;

/** The Authorization's q-* fields as query parameters: a pre-signed URL. */
const authParams = (authorization: string): Param[] => authorization.split('&').map((kv) => {
  const eq = kv.indexOf('=');
  return { name: kv.slice(0, eq), value: kv.slice(eq + 1) };
});

type Mode = 'header' | 'url';
function withCredentials(s: Sent, authorization: string, token: string, mode: Mode): Sent {
  return mode === 'header'
    ? { ...s, headers: { ...s.headers, authorization, [TOKEN]: token } }
    : { ...s, params: [...s.params, ...authParams(authorization), { name: TOKEN, value: token }] };
}

/** What the holder of a key signs for a request it sends: what cos-local will check. */
function holderSignature(s: Sent, key: TmpKey): string {
  const host = s.authority ?? s.host;
  const decoded = safeDecode(s.rawPath);
  const path = decoded.startsWith('/') ? decoded : `/${decoded}`;
  const virtual = /^[a-z0-9-]+-\d+\.cos\.[a-z0-9-]+\./i.test(host);
  // Path-style requests are signed without the bucket segment, as the SDKs do (a first segment that
  // is no bucket name is part of the signed path).
  const slash = path.indexOf('/', 1);
  const segment = path.slice(1, slash < 0 ? undefined : slash);
  const pathname = virtual || !/^[a-z0-9-]+-\d+$/.test(segment) ? path : slash < 0 ? '/' : path.slice(slash);
  const now = Math.floor(Date.now() / 1000);
  return signRequest({
    secretId: key.TmpSecretId, secretKey: key.TmpSecretKey, method: s.method, pathname,
    query: Object.fromEntries(s.params.map((p) => [p.name, p.value ?? ''])), headers: { host }, keyTime: `${now - 1};${now + 900}`,
  });
}

// ---------------------------------------------------------------------------------------------
// The mutations of a request, generated from its base.

const capital = (n: string): string => n.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('-');
const alternating = (n: string): string => [...n].map((c, i) => (i % 2 ? c.toUpperCase() : c.toLowerCase())).join('');
const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
const withoutParam = (s: Sent, name: string): Param[] => s.params.filter((p) => !same(p.name, name));
const sampleKey: Record<string, string[]> = {
  [PHOTOS]: ['alice/a.txt', 'bob/d.txt', 'alicex/c.txt'], [DOCS]: ['pub/p.txt', 'private/s.txt'], [ARCHIVE]: ['old/o.txt'],
};

/** Values that would widen or move what the parameter selects. */
function otherValues(base: Base, name: string, value: string | undefined): string[] {
  switch (name.toLowerCase()) {
    case 'prefix': return ['', 'bob/'];
    case 'versionid': {
      // Another version of the same key, and a version of another (unreadable) key.
      const own = (versionsOf.get(`${base.bucket}/${base.key}`) ?? []).filter((v) => v !== value);
      return [...own, ...(versionsOf.get(`${PHOTOS}/bob/d.txt`) ?? []).slice(0, 1)];
    }
    case 'response-content-type': return ['text/html'];
    case 'delimiter': return ['', 'a'];
    case 'marker': return [''];
    case 'max-keys': return ['1000'];
    case 'encoding-type': return ['xml'];
    default: return ['x'];
  }
}

function paramMutations(base: Base): Mutation[] {
  const out: Mutation[] = [];
  const m = (family: string, label: string, apply: (s: Sent) => Sent, keepsTarget: boolean): void => { out.push({ family, label, apply, keepsTarget }); };
  base.query.forEach(([name, signedValue], i) => {
    const value = FLAGS.has(name) && signedValue === '' ? undefined : signedValue;
    for (const spelled of new Set([capital(name), name.toUpperCase(), alternating(name)])) {
      if (spelled === name) continue;
      m('re-cased', `${name} → ${spelled}`, (s) => ({ ...s, params: s.params.map((p, j) => (j === i ? { ...p, name: spelled } : p)) }), true);
    }
    const dup = (label: string, p: Param, first = false): void =>
      m('duplicated', label, (s) => ({ ...s, params: first ? [p, ...s.params] : [...s.params, p] }), true);
    dup(`${name} twice, same value`, { name, ...(value !== undefined ? { value } : {}) });
    dup(`${capital(name)} added, same value`, { name: capital(name), ...(value !== undefined ? { value } : {}) });
    for (const other of otherValues(base, name, value)) {
      dup(`${name} twice, second ${JSON.stringify(other)}`, { name, value: other });
      dup(`${name.toUpperCase()}=${JSON.stringify(other)} added`, { name: name.toUpperCase(), value: other });
      dup(`${capital(name)}=${JSON.stringify(other)} put first`, { name: capital(name), value: other }, true);
    }
    dup(`${capital(name)}= (empty) added`, { name: capital(name), value: '' });
    dup(`${alternating(name)} (no =) added`, { name: alternating(name) });
    dup(`${name}= (empty) put first`, { name, value: '' }, true);
  });
  // The whole query re-cased at once.
  if (base.query.length > 1) {
    m('re-cased', 'every name upper-cased', (s) => ({ ...s, params: s.params.map((p) => ({ ...p, name: p.name.toUpperCase() })) }), true);
  }
  return out;
}

function prefixMutations(base: Base): Mutation[] {
  if (base.key !== '') return [];
  const signed = base.query.find(([n]) => n === 'prefix')?.[1];
  const out: Mutation[] = [];
  const set = (label: string, p: Param | undefined): void => {
    out.push({ family: 'prefix', label, keepsTarget: false, apply: (s) => ({ ...s, params: [...withoutParam(s, 'prefix'), ...(p ? [p] : [])] }) });
  };
  if (signed === undefined) {
    // Unsigned parameters that only narrow a listing may be added to its signature.
    set('prefix=old/ added', { name: 'prefix', value: 'old/' });
    set('Prefix=bob/ added', { name: 'Prefix', value: 'bob/' });
    set('prefix= added', { name: 'prefix', value: '' });
    return out;
  }
  set('prefix dropped', undefined);
  set('prefix= (emptied)', { name: 'prefix', value: '' });
  set('prefix (no =)', { name: 'prefix' });
  set('Prefix= instead', { name: 'Prefix', value: '' });
  set('PREFIX (no =) instead', { name: 'PREFIX' });
  // Shorter, sibling, other-case and other-normalization prefixes (a case-insensitive or
  // normalizing match would let `ALICE/` or a decomposed `été` pass for the granted prefix).
  const wider = new Set([
    signed.slice(0, -1), signed.slice(0, 3), signed.split('/')[0] ?? '', `${signed.slice(0, -1)}x/`, signed.toUpperCase(), signed.normalize('NFD'),
    'bob/', 'alicex/', 'pubx/', 'in/', 'secret/',
  ]);
  for (const w of wider) if (w !== signed) set(`prefix=${w}`, { name: 'prefix', value: w });
  for (const w of [signed.slice(0, -1), '']) set(`Prefix=${w} instead`, { name: 'Prefix', value: w });
  // The same value in other encodings: still the signed prefix.
  set('prefix with lower-case hex escapes', { name: 'prefix', value: signed, raw: `prefix=${encodeURIComponent(signed).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase())}` });
  set('prefix with / unescaped', { name: 'prefix', value: signed, raw: `prefix=${encodeURIComponent(signed).replace(/%2F/g, '/')}` });
  set('prefix name escaped (%70refix)', { name: 'prefix', value: signed, raw: `%70refix=${encodeURIComponent(signed)}` });
  set('spaces as +', { name: 'prefix', value: signed.replace(/ /g, '+'), raw: `prefix=${encodeURIComponent(signed).replace(/%20/g, '+')}` });
  return out;
}

function subresourceMutations(base: Base): Mutation[] {
  const out: Mutation[] = [];
  const has = (n: string): boolean => base.query.some(([k]) => same(k, n));
  const add = (label: string, ps: Param[], drop: string[] = []): void => {
    out.push({ family: 'subresource', label, keepsTarget: false, apply: (s) => ({ ...s, params: [...drop.reduce((acc, d) => acc.filter((p) => !same(p.name, d)), s.params), ...ps] }) });
  };
  for (const f of ['versions', 'uploads', 'acl', 'tagging', 'Versions', 'UPLOADS', 'Acl']) if (!has(f)) add(`&${f} added`, [{ name: f }]);
  add('&policy= added', [{ name: 'policy', value: '' }]);
  add('&location added', [{ name: 'location' }]);
  // A part listing of an upload in progress, in and out of the grants.
  for (const k of ['alice/up.bin', 'bob/up.bin']) add(`&uploadId= of ${k}'s upload added`, [{ name: 'uploadId', value: uploadIds.get(`${PHOTOS}/${k}`) ?? '' }]);
  add('&partNumber=1 added', [{ name: 'partNumber', value: '1' }]);
  for (const f of ['versions', 'uploads']) {
    if (!has(f)) continue;
    add(`${f} dropped`, [], [f]);
    add(`${f} replaced by ${f === 'versions' ? 'uploads' : 'versions'}`, [{ name: f === 'versions' ? 'uploads' : 'versions' }], [f]);
    add(`${f}=x (a value)`, [{ name: f, value: 'x' }], [f]);
  }
  if (base.key !== '') {
    if (!has('versionId')) for (const v of otherValues(base, 'versionId', undefined)) add(`versionId=${v} added`, [{ name: 'versionId', value: v }]);
    if (!has('response-content-type')) add('response-content-type=text/html added', [{ name: 'response-content-type', value: 'text/html' }]);
    add('Response-Content-Disposition added', [{ name: 'Response-Content-Disposition', value: 'attachment' }]);
    if (has('versionId')) add('versionId dropped', [], ['versionId']);
  }
  return out;
}

/** Unsigned parameters that narrow or are ignored: accepted, and the answer stays in the grants. */
function harmlessMutations(base: Base): Mutation[] {
  const out: Mutation[] = [];
  const add = (label: string, p: Param): void => {
    if (base.query.some(([k]) => same(k, p.name))) return;
    out.push({ family: 'unsigned extra', label, keepsTarget: true, apply: (s) => ({ ...s, params: [...s.params, p] }) });
  };
  add('foo=bar', { name: 'foo', value: 'bar' });
  if (base.key === '') {
    add('Delimiter=/', { name: 'Delimiter', value: '/' });
    add('Max-Keys=1', { name: 'Max-Keys', value: '1' });
    add('Encoding-Type=url', { name: 'Encoding-Type', value: 'url' });
    add('Marker=zzz', { name: 'Marker', value: 'zzz' });
    add('key-marker=', { name: 'key-marker', value: '' });
  }
  return out;
}

function addressingMutations(base: Base, style: Style): Mutation[] {
  const out: Mutation[] = [];
  const m = (label: string, apply: (s: Sent) => Sent, keepsTarget = false): void => { out.push({ family: 'addressing', label, apply, keepsTarget }); };
  const keyPath = `/${encKey(base.key)}`;
  for (const o of BUCKETS.filter((b) => b !== base.bucket)) {
    if (style === 'virtual-hosted') {
      m(`Host names ${o}`, (s) => ({ ...s, host: vhost(o) }));
      m(`path-style, ${o} in the path`, (s) => ({ ...s, host: pathHost(), rawPath: `/${o}${keyPath}` }));
    } else {
      m(`${o} in the path`, (s) => ({ ...s, rawPath: `/${o}${keyPath}` }));
      m(`virtual-hosted Host of ${o}`, (s) => ({ ...s, host: vhost(o), rawPath: keyPath }));
    }
    m(`absolute-form target http://127.0.0.1/${o}/…, signed Host kept`, (s) => ({ ...s, authority: pathHost(), rawPath: `/${o}${keyPath}` }));
    m(`absolute-form target naming ${o} virtual-hosted, signed Host kept`, (s) => ({ ...s, authority: vhost(o), rawPath: keyPath }));
  }
  if (style === 'virtual-hosted') {
    m(`Host in ${OTHER_REGION}`, (s) => ({ ...s, host: vhost(base.bucket, OTHER_REGION) }));
    m('Host upper-cased', (s) => ({ ...s, host: s.host.toUpperCase() }), true);
    m('path-style, same bucket', (s) => ({ ...s, host: pathHost(), rawPath: `/${base.bucket}${keyPath}` }), true);
    m('absolute-form target naming the signed host', (s) => ({ ...s, authority: s.host }), true);
  } else {
    m(`virtual-hosted Host of ${base.bucket} in ${OTHER_REGION}`, (s) => ({ ...s, host: vhost(base.bucket, OTHER_REGION), rawPath: keyPath }));
    m('virtual-hosted, same bucket', (s) => ({ ...s, host: vhost(base.bucket), rawPath: keyPath }), true);
    m('Host localhost:<port>', (s) => ({ ...s, host: `localhost:${cosLocal.port}` }), true);
    m('bucket segment upper-cased', (s) => ({ ...s, rawPath: `/${base.bucket.toUpperCase()}${keyPath}` }));
    m('no bucket segment', (s) => ({ ...s, rawPath: keyPath }));
  }
  return out;
}

/** Another object, or another operation, through the same signature or key. */
function targetMutations(base: Base, style: Style): Mutation[] {
  const out: Mutation[] = [];
  const pre = style === 'path-style' ? `/${base.bucket}` : '';
  const m = (family: string, label: string, apply: (s: Sent) => Sent, keepsTarget = false): void => { out.push({ family, label, apply, keepsTarget }); };
  if (base.key !== '') {
    for (const k of [...(sampleKey[base.bucket] ?? []), 'alice', 'shared/s.txt', 'alice/a.txt'].filter((k) => k !== base.key)) {
      m('object', `key → ${k}`, (s) => ({ ...s, rawPath: `${pre}/${encKey(k)}` }));
    }
    m('object', 'key → alice/../bob/d.txt', (s) => ({ ...s, rawPath: `${pre}/alice/../bob/d.txt` }));
    m('object', 'key → alice/%2E%2E/bob/d.txt', (s) => ({ ...s, rawPath: `${pre}/alice/%2E%2E/bob/d.txt` }));
    m('object', 'key → ./bob/d.txt', (s) => ({ ...s, rawPath: `${pre}/./bob/d.txt` }));
    m('object', 'leading //', (s) => ({ ...s, rawPath: `${pre}//${encKey(base.key)}` }), true);
    m('object', 'every / of the key escaped', (s) => ({ ...s, rawPath: `${pre}/${encodeURIComponent(base.key)}` }), true);
    m('object', 'trailing /', (s) => ({ ...s, rawPath: `${pre}/${encKey(base.key)}/` }));
    m('object', 'key upper-cased', (s) => ({ ...s, rawPath: `${pre}/${encKey(base.key.toUpperCase())}` }));
    const dir = base.key.slice(0, base.key.lastIndexOf('/') + 1);
    if (base.method === 'GET') {
      m('operation', `GET Bucket ?prefix=${dir}`, (s) => ({ ...s, rawPath: `${pre}/`, params: [{ name: 'prefix', value: dir }] }));
      m('operation', 'GET Bucket, no prefix', (s) => ({ ...s, rawPath: `${pre}/`, params: [] }));
      m('operation', `?versions&prefix=${dir}`, (s) => ({ ...s, rawPath: `${pre}/`, params: [{ name: 'versions' }, { name: 'prefix', value: dir }] }));
    }
  } else {
    for (const k of sampleKey[base.bucket] ?? []) m('operation', `GET Object ${k}`, (s) => ({ ...s, rawPath: `${pre}/${encKey(k)}`, params: [] }));
    m('operation', 'HEAD Bucket', (s) => ({ ...s, method: 'HEAD' }));
  }
  m('operation', `method → ${base.method === 'GET' ? 'HEAD' : 'GET'}`, (s) => ({ ...s, method: base.method === 'GET' ? 'HEAD' : 'GET' }), true);
  return out;
}

function requestMutations(base: Base, style: Style): Mutation[] {
  return [
    ...paramMutations(base), ...prefixMutations(base), ...subresourceMutations(base), ...harmlessMutations(base),
    ...addressingMutations(base, style), ...targetMutations(base, style),
  ];
}

/**
 * Where the security token goes: absent from both places first, then `header` and `query` (the
 * query as a list, to give it twice). Applied to a request that already carries its credentials.
 */
function credentialMutations(own: string, other: string): Mutation[] {
  const place = (label: string, header: string | undefined, query: Param[], authorizationInQuery = false): Mutation => ({
    family: 'security token', label, keepsTarget: true,
    apply: (s) => {
      const headers = Object.fromEntries(Object.entries(s.headers).filter(([k]) => k !== TOKEN));
      const params = s.params.filter((p) => !same(p.name, TOKEN));
      const auth = headers['authorization'];
      return {
        ...s,
        headers: header === undefined ? headers : { ...headers, [TOKEN]: header },
        params: [...params, ...(authorizationInQuery && auth ? authParams(auth) : []), ...query],
      };
    },
  });
  const q = (value: string, name = TOKEN): Param => ({ name, value });
  return [
    place('in the header only', own, []),
    place('in the query only', undefined, [q(own)]),
    place('as X-Cos-Security-Token in the query', undefined, [q(own, 'X-Cos-Security-Token')]),
    place('in both, same', own, [q(own)]),
    place('in both, different (header own, query another key\'s)', own, [q(other)]),
    place('in both, different (header another key\'s, query own)', other, [q(own)]),
    place('header own, X-COS-SECURITY-TOKEN another key\'s in the query', own, [q(other, 'X-COS-SECURITY-TOKEN')]),
    place('another key\'s token in the header', other, []),
    place('another key\'s token in the query', undefined, [q(other)]),
    place('dropped', undefined, []),
    place('empty header, own in the query', '', [q(own)]),
    place('own header, empty query parameter', own, [q('')]),
    place('twice in the query, same', undefined, [q(own), q(own, 'X-Cos-Security-Token')]),
    place('twice in the query, own then another key\'s', undefined, [q(own), q(other)]),
    place('Authorization in the header and the query too', own, [], true),
    // Node joins a repeated custom header with ', ': two token headers arrive as one such value.
    place('two token headers (own, another key\'s)', `${own}, ${other}`, []),
  ];
}

const IDENTITY: Mutation = { family: 'as signed', label: 'unchanged', apply: (s) => s, keepsTarget: true };

// ---------------------------------------------------------------------------------------------
// Running and counting.

interface Tally {
  requests: number;
  byOutcome: Map<string, number>;
  violations: string[];
  /** Unchanged requests that did not succeed: the matrix would prove nothing. */
  broken: string[];
}
const newTally = (): Tally => ({ requests: 0, byOutcome: new Map(), violations: [], broken: [] });
const tallies = { sign: newTally(), sts: newTally() };

let tokenNames = new Map<string, string>();
/** The request as sent, tokens named rather than spelled out (they are long and differ per run). */
function show(s: Sent): string {
  let target = targetOf(s);
  let headers = Object.entries(s.headers).map(([k, v]) => `${k}: ${v}`).join('\n    ');
  for (const [token, name] of tokenNames) {
    target = target.split(encodeURIComponent(token)).join(`<${name}>`);
    headers = headers.split(token).join(`<${name}>`);
  }
  return `${s.method} ${target}\n    Host: ${s.host}${headers ? `\n    ${headers}` : ''}`;
}

async function probe(tally: Tally, what: string, base: Base, mutation: Mutation, s: Sent): Promise<CosAnswer> {
  const a = await cosRequest({ port: cosLocal.port, host: s.host, method: s.method, path: targetOf(s), headers: s.headers });
  tally.requests++;
  const outcome = a.status >= 200 && a.status < 300 ? '2xx' : `${a.status} ${a.code || (s.method === 'HEAD' ? '(HEAD: no body)' : '(no code)')}`;
  tally.byOutcome.set(outcome, (tally.byOutcome.get(outcome) ?? 0) + 1);
  const why = judge(a, s.method, mutation.keepsTarget && base.key !== '' ? { bucket: base.bucket, key: base.key } : undefined);
  const where = `${what} | ${mutation.family}: ${mutation.label}\n  ${show(s)}\n  → ${a.status} ${a.code}`;
  if (why) tally.violations.push(`${where}: ${why}`);
  if (mutation === IDENTITY && (a.status !== 200 || (s.method === 'GET' && base.key === '' && !/<Key>|<CommonPrefixes>/.test(a.text)))) {
    tally.broken.push(`${where}: the unchanged request must succeed${s.method === 'GET' && base.key === '' ? ' and list something' : ''}`);
  }
  return a;
}

function report(name: string, tally: Tally, ms?: number): void {
  const rows = [...tally.byOutcome.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `    ${k}: ${n}`).join('\n');
  const ok = tally.byOutcome.get('2xx') ?? 0;
  console.log(`${name}: ${tally.requests} requests${ms === undefined ? '' : ` in ${(ms / 1000).toFixed(1)} s`}, ${ok} 2xx, ${tally.requests - ok} refused, ${tally.violations.length} violations\n${rows}`);
}

// ---------------------------------------------------------------------------------------------

interface TmpKey { TmpSecretId: string; TmpSecretKey: string; SecurityToken: string }

async function sts(task: { bucket: string; prefix: string; actions: string[] }): Promise<TmpKey> {
  const res = await t.app.inject({ method: 'POST', url: '/api/sts', headers: { cookie: carol.cookie, 'x-csrf-token': carol.csrf }, payload: { region: REGION, ...task } });
  if (res.statusCode !== 200) throw new Error(`/api/sts refused ${JSON.stringify(task)}: ${res.body}`);
  return res.json() as TmpKey;
}

/** A key of the same account for something else: its token is "another key's". */
let strangerKey: TmpKey;

beforeAll(async () => {
  cosLocal = await startCosLocal({ memory: true, port: 0, accounts: defaultAccounts(SECRET_ID, SECRET_KEY), log: () => undefined });
  t = await testApp({ secretId: SECRET_ID, secretKey: SECRET_KEY, ip: pathHost() }, { now: Date.now });
  root = new COS({ SecretId: SECRET_ID, SecretKey: SECRET_KEY, Protocol: 'http:', Ip: pathHost() });
  for (const Bucket of BUCKETS) {
    await root.putBucket({ Bucket, Region: REGION });
    if (VERSIONED.has(Bucket)) await root.putBucketVersioning({ Bucket, Region: REGION, VersioningConfiguration: { Status: 'Enabled' } });
    for (const [i, Key] of (OBJECTS[Bucket] ?? []).entries()) {
      // Every body is unique, so a body (or its ETag) tells which object version was answered.
      const body = `${Bucket}/${Key}#${i}`;
      const put = await root.putObject({ Bucket, Region: REGION, Key, Body: body });
      const versionId = put.headers?.['x-cos-version-id'] as string | undefined;
      const seeded: Seeded = { bucket: Bucket, key: Key, body, etag: put.ETag, ...(versionId ? { versionId } : {}) };
      byBody.set(body, seeded);
      byEtag.set(put.ETag, seeded);
      if (versionId) versionsOf.set(`${Bucket}/${Key}`, [...(versionsOf.get(`${Bucket}/${Key}`) ?? []), versionId]);
    }
    for (const Key of UPLOADS[Bucket] ?? []) uploadIds.set(`${Bucket}/${Key}`, (await root.multipartInit({ Bucket, Region: REGION, Key })).UploadId);
  }
  await t.users.create('carol', 'user', 'carol-password-1', GRANTS);
  carol = await signIn(t.app, 'carol', 'carol-password-1');
  strangerKey = await sts({ bucket: PHOTOS, prefix: 'shared/', actions: ['name/cos:HeadObject'] });
  tokenNames = new Map([[strangerKey.SecurityToken, "another key's token"]]);
});
afterAll(async () => {
  await t?.app.close();
  await cosLocal?.close();
});

const v1 = (bucket: string, key: string): string => versionsOf.get(`${bucket}/${key}`)?.[0] ?? 'missing-version';

// ---------------------------------------------------------------------------------------------

describe('the oracle', () => {
  it('flags what the root key can list and read outside the grants (so the matrix can fail)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const rootGet = (bucket: string, method: 'GET' | 'HEAD', pathname: string, query: Record<string, string>, raw: string): Promise<CosAnswer> => {
      const host = vhost(bucket);
      const authorization = signRequest({ secretId: SECRET_ID, secretKey: SECRET_KEY, method, pathname, query, headers: { host }, keyTime: `${now - 1};${now + 300}` });
      return cosRequest({ port: cosLocal.port, host, method, path: `${encKey(pathname)}${raw}`, headers: { authorization } });
    };
    // The listing a restricted signature is for passes …
    const inside = await rootGet(PHOTOS, 'GET', '/', { prefix: 'alice/' }, '?prefix=alice%2F');
    expect(inside.status).toBe(200);
    expect(judge(inside, 'GET')).toBeUndefined();
    // … the same listing widened with `Prefix=` does not.
    const wide = await rootGet(PHOTOS, 'GET', '/', { Prefix: '' }, '?Prefix=');
    expect(wide.status).toBe(200);
    const widened = judge(wide, 'GET');
    expect(widened).toMatch(/^ListBucketResult of photos-1250000000 names /);
    for (const k of ['ALICE/secret.txt', 'alice', 'alicex/c.txt', 'bob/d.txt', 'été/z.jpg', 'été 2024x/n.jpg']) expect(widened).toContain(JSON.stringify(k));
    expect(widened).not.toContain('"alice/a.txt"');
    // Another bucket's keys under the name of a bucket listable as a whole are not that bucket's.
    const bob = await rootGet(PHOTOS, 'GET', '/', { prefix: 'bob/' }, '?prefix=bob%2F');
    expect(judge({ ...bob, text: bob.text.replace(`<Name>${PHOTOS}</Name>`, `<Name>${ARCHIVE}</Name>`) }, 'GET'))
      .toBe(`ListBucketResult of ${ARCHIVE} names ["bob/d.txt"], which ${ARCHIVE} does not hold`);
    expect(judge(await rootGet(PHOTOS, 'GET', '/', { versions: '' }, '?versions'), 'GET')).toMatch(/ListVersionsResult .*bob\/d\.txt/);
    expect(judge(await rootGet(DOCS, 'GET', '/', { uploads: '' }, '?uploads'), 'GET')).toMatch(/ListMultipartUploadsResult .*secret\/u\.bin/);
    // With url encoding the names are decoded before they are judged: `alice/` is in, `alicex/` out.
    const encoded = await rootGet(PHOTOS, 'GET', '/', { prefix: 'alice', 'encoding-type': 'url' }, '?prefix=alice&encoding-type=url');
    expect(judge(encoded, 'GET')).toMatch(/names \["alice","alicex\/c\.txt"\], outside/);
    // Reads: inside passes, outside (and a wrong object for the request) is flagged, by body and by ETag.
    const mine = await rootGet(PHOTOS, 'GET', '/alice/my photo ü.jpg', {}, '');
    expect(judge(mine, 'GET', { bucket: PHOTOS, key: 'alice/my photo ü.jpg' })).toBeUndefined();
    expect(judge(mine, 'GET', { bucket: PHOTOS, key: 'alice/a.txt' })).toMatch(/not photos-1250000000\/alice\/a\.txt's/);
    expect(judge(await rootGet(PHOTOS, 'GET', '/bob/d.txt', {}, ''), 'GET')).toMatch(/body of photos-1250000000\/bob\/d\.txt, outside/);
    expect(judge(await rootGet(PHOTOS, 'HEAD', '/alicex/c.txt', {}, ''), 'HEAD')).toMatch(/ETag of photos-1250000000\/alicex\/c\.txt, outside/);
    // Anything else that succeeds, and any 5xx, is flagged.
    expect(judge(await rootGet(PHOTOS, 'GET', '/alice/a.txt', { acl: '' }, '?acl'), 'GET')).toMatch(/neither a listing nor a seeded object/);
    expect(judge({ status: 500, headers: {}, text: '', code: 'InternalError' }, 'GET')).toMatch(/server error/);
  });
});

// The legitimate requests of the account (its grants): listings with and without delimiter, with
// marker/max-keys and encoding-type, of objects, versions and uploads; reads with versionId and
// response-content-type.
const SIGN_BASES = (): Base[] => [
  { method: 'GET', bucket: PHOTOS, key: '', query: [['prefix', 'alice/']] },
  { method: 'GET', bucket: PHOTOS, key: '', query: [['prefix', 'alice/'], ['delimiter', '/']] },
  { method: 'GET', bucket: PHOTOS, key: '', query: [['prefix', 'alice/'], ['marker', 'alice/a.txt'], ['max-keys', '2']] },
  { method: 'GET', bucket: PHOTOS, key: '', query: [['prefix', 'alice/sub/'], ['encoding-type', 'url']] },
  { method: 'GET', bucket: PHOTOS, key: '', query: [['prefix', 'été 2024/'], ['delimiter', '/']] },
  { method: 'GET', bucket: PHOTOS, key: '', query: [['versions', ''], ['prefix', 'alice/']] },
  { method: 'GET', bucket: PHOTOS, key: '', query: [['versions', ''], ['prefix', 'alice/'], ['delimiter', '/']] },
  { method: 'GET', bucket: PHOTOS, key: '', query: [['uploads', ''], ['prefix', 'alice/']] },
  { method: 'GET', bucket: PHOTOS, key: 'alice/a.txt', query: [] },
  { method: 'GET', bucket: PHOTOS, key: 'alice/a.txt', query: [['versionId', v1(PHOTOS, 'alice/a.txt')]] },
  { method: 'GET', bucket: PHOTOS, key: 'alice/my photo ü.jpg', query: [['response-content-type', 'text/plain']] },
  { method: 'GET', bucket: PHOTOS, key: 'shared/s.txt', query: [] },
  { method: 'HEAD', bucket: PHOTOS, key: 'alice/a.txt', query: [['versionId', v1(PHOTOS, 'alice/a.txt')]] },
  { method: 'HEAD', bucket: PHOTOS, key: 'shared/x y.txt', query: [] },
  { method: 'GET', bucket: DOCS, key: '', query: [['prefix', 'pub/'], ['delimiter', '/']] },
  { method: 'GET', bucket: DOCS, key: '', query: [['versions', ''], ['prefix', 'pub/']] },
  { method: 'GET', bucket: DOCS, key: '', query: [['uploads', ''], ['prefix', 'pub/']] },
  // An upload-only grant lists its uploads (to resume them) and nothing else.
  { method: 'GET', bucket: DOCS, key: '', query: [['uploads', ''], ['prefix', 'in/']] },
  { method: 'GET', bucket: ARCHIVE, key: '', query: [['max-keys', '2']] },
  { method: 'GET', bucket: ARCHIVE, key: '', query: [['versions', '']] },
  { method: 'GET', bucket: ARCHIVE, key: '', query: [['uploads', ''], ['delimiter', '/']] },
];

async function apiSign(base: Base, host: string, region = REGION): Promise<{ statusCode: number; json: () => unknown; body: string }> {
  return t.app.inject({
    method: 'POST', url: '/api/sign', headers: { cookie: carol.cookie, 'x-csrf-token': carol.csrf },
    payload: { Method: base.method, Pathname: `/${base.key}`, Query: Object.fromEntries(base.query), Headers: { Host: host }, Bucket: base.bucket, Region: region },
  });
}

/**
 * Requests a holder may ask /api/sign to sign besides the console's own: odd spellings, twins,
 * keys with dot segments, another region. Whatever is signed is then sent, and mutated.
 */
const ODD_SIGN_REQUESTS = (): { label: string; base: Base; region?: string }[] => {
  const list = (query: [string, string][]): Base => ({ method: 'GET', bucket: PHOTOS, key: '', query });
  const get = (key: string, query: [string, string][] = []): Base => ({ method: 'GET', bucket: PHOTOS, key, query });
  return [
    { label: 'prefix and Prefix=', base: list([['prefix', 'alice/'], ['Prefix', '']]) },
    { label: 'prefix and PREFIX, same value', base: list([['prefix', 'alice/'], ['PREFIX', 'alice/']]) },
    { label: 'Versions spelled so', base: list([['Versions', ''], ['prefix', 'alice/']]) },
    { label: 'versions and uploads', base: list([['versions', ''], ['uploads', ''], ['prefix', 'alice/']]) },
    { label: 'a %-escaped twin of prefix', base: list([['prefix', 'alice/'], ['pre%66ix', '']]) },
    { label: 'every listing parameter, empty delimiter', base: list([['prefix', 'alice/'], ['delimiter', ''], ['marker', ''], ['max-keys', '1000'], ['encoding-type', 'url']]) },
    { label: 'prefix outside, marker inside', base: list([['prefix', ''], ['marker', 'alice/']]) },
    { label: 'another key\'s token signed as a parameter', base: get('alice/a.txt', [['x-cos-security-token', strangerKey.SecurityToken]]) },
    { label: 'VersionId spelled so', base: get('alice/a.txt', [['VersionId', v1(PHOTOS, 'alice/a.txt')]]) },
    { label: 'another key\'s versionId', base: get('alice/a.txt', [['versionId', v1(PHOTOS, 'bob/d.txt')]]) },
    { label: 'uploadId on a read grant', base: get('alice/up.bin', [['uploadId', uploadIds.get(`${PHOTOS}/alice/up.bin`) ?? '']]) },
    { label: '.. in the key', base: get('alice/../bob/d.txt') },
    { label: '. segments in the key', base: get('alice/./a.txt') },
    { label: 'leading / in the key', base: get('/bob/d.txt') },
    { label: 'leading ./ in the key', base: get('./bob/d.txt') },
    { label: 'the bucket name in the key', base: get(`${PHOTOS}/alice/a.txt`) },
    { label: 'another region', base: list([['prefix', 'alice/']]), region: OTHER_REGION },
    { label: 'another region, an object', base: get('alice/a.txt'), region: OTHER_REGION },
  ];
};

const modesOf = (b: Base): Mode[] => (b.method === 'GET' && b.key !== '' ? ['header', 'url'] : ['header']);

describe('/api/sign signatures of a restricted account, replayed on mutated requests', () => {
  it('never read or list outside the grants', async () => {
    const started = Date.now();
    const tally = tallies.sign;
    for (const base of SIGN_BASES()) {
      for (const style of STYLES) {
        const plain = sentOf(base, style);
        const res = await apiSign(base, plain.host);
        const what = `/api/sign ${describeBase(base)} (${style})`;
        if (res.statusCode !== 200) {
          tally.broken.push(`${what}: /api/sign answered ${res.statusCode} ${res.body}`);
          continue;
        }
        const signed = res.json() as { Authorization: string; SecurityToken: string };
        tokenNames.set(signed.SecurityToken, 'the signature\'s token');
        for (const mode of modesOf(base)) {
          const label = `${what}, ${mode === 'url' ? 'pre-signed URL' : 'Authorization header'}`;
          for (const mutation of [IDENTITY, ...requestMutations(base, style)]) {
            await probe(tally, label, base, mutation, withCredentials(mutation.apply(plain), signed.Authorization, signed.SecurityToken, mode));
          }
          for (const mutation of credentialMutations(signed.SecurityToken, strangerKey.SecurityToken)) {
            await probe(tally, label, base, mutation, mutation.apply(withCredentials(plain, signed.Authorization, signed.SecurityToken, mode)));
          }
        }
      }
    }
    report('/api/sign', tally, Date.now() - started);
    expect({ broken: tally.broken, violations: tally.violations }).toEqual({ broken: [], violations: [] });
  }, 60_000);

  it('whatever odd request the holder has signed, what is signed stays within the grants', async () => {
    const started = Date.now();
    const tally = newTally();
    const refused = new Map<string, number>();
    for (const { label, base, region } of ODD_SIGN_REQUESTS()) {
      for (const style of STYLES) {
        const plain = sentOf(base, style);
        const res = await apiSign(base, plain.host, region);
        if (res.statusCode !== 200) {
          const code = `${res.statusCode} ${(res.json() as { error?: { code?: string } }).error?.code ?? ''}`;
          refused.set(code, (refused.get(code) ?? 0) + 1);
          continue;
        }
        const signed = res.json() as { Authorization: string; SecurityToken: string };
        tokenNames.set(signed.SecurityToken, 'the signature\'s token');
        const what = `/api/sign (holder-chosen: ${label}) ${describeBase(base)}${region ? ` in ${region}` : ''} (${style})`;
        const asSigned: Mutation = { ...IDENTITY, label: 'as signed' };
        for (const mutation of [asSigned, ...requestMutations(base, style)]) {
          await probe(tally, what, base, mutation, withCredentials(mutation.apply(plain), signed.Authorization, signed.SecurityToken, 'header'));
        }
      }
    }
    console.log(`/api/sign refused the holder-chosen requests: ${JSON.stringify(Object.fromEntries(refused))}`);
    report('/api/sign, holder-chosen requests', tally, Date.now() - started);
    for (const [k, n] of tally.byOutcome) tallies.sign.byOutcome.set(k, (tallies.sign.byOutcome.get(k) ?? 0) + n);
    tallies.sign.requests += tally.requests;
    expect(tally.violations).toEqual([]);
  }, 60_000);
});

// Temporary keys for tasks within the grants; the holder signs every mutation itself.
const STS_TASKS = (): { prefix: string; bucket: string; actions: string[]; bases: Base[] }[] => [
  {
    bucket: PHOTOS, prefix: 'alice/', actions: ['name/cos:GetBucket'],
    bases: [{ method: 'GET', bucket: PHOTOS, key: '', query: [['prefix', 'alice/']] }, { method: 'GET', bucket: PHOTOS, key: '', query: [['prefix', 'alice/'], ['delimiter', '/']] }],
  },
  {
    bucket: PHOTOS, prefix: 'alice/', actions: ['name/cos:GetObject', 'name/cos:HeadObject'],
    bases: [
      { method: 'GET', bucket: PHOTOS, key: 'alice/a.txt', query: [] },
      { method: 'GET', bucket: PHOTOS, key: 'alice/a.txt', query: [['versionId', v1(PHOTOS, 'alice/a.txt')], ['response-content-type', 'text/plain']] },
      { method: 'HEAD', bucket: PHOTOS, key: 'alice/my photo ü.jpg', query: [] },
    ],
  },
  {
    bucket: PHOTOS, prefix: 'shared/', actions: ['name/cos:GetObject', 'name/cos:HeadObject'],
    bases: [{ method: 'GET', bucket: PHOTOS, key: 'shared/x y.txt', query: [] }, { method: 'HEAD', bucket: PHOTOS, key: 'shared/s.txt', query: [] }],
  },
  { bucket: PHOTOS, prefix: 'été 2024/', actions: ['name/cos:GetBucket'], bases: [{ method: 'GET', bucket: PHOTOS, key: '', query: [['prefix', 'été 2024/'], ['delimiter', '/']] }] },
  { bucket: DOCS, prefix: 'pub/', actions: ['name/cos:GetBucket'], bases: [{ method: 'GET', bucket: DOCS, key: '', query: [['prefix', 'pub/']] }] },
  {
    // Versions and uploads listings cannot be narrowed to a prefix in a key's policy: only a grant
    // on the whole bucket gets them.
    bucket: ARCHIVE, prefix: '', actions: ['name/cos:GetBucket', 'name/cos:GetBucketObjectVersions', 'name/cos:ListMultipartUploads'],
    bases: [
      { method: 'GET', bucket: ARCHIVE, key: '', query: [['max-keys', '2']] },
      { method: 'GET', bucket: ARCHIVE, key: '', query: [['versions', '']] },
      { method: 'GET', bucket: ARCHIVE, key: '', query: [['uploads', '']] },
    ],
  },
];

describe('/api/sts keys of a restricted account, signing mutated requests themselves', () => {
  it('never read or list outside the grants', async () => {
    const started = Date.now();
    const tally = tallies.sts;
    const tasks = STS_TASKS();
    const keys: TmpKey[] = [];
    for (const task of tasks) keys.push(await sts(task));
    for (const [i, task] of tasks.entries()) {
      const key = keys[i] as TmpKey;
      // Another key of the same holder: the next task's.
      const other = keys[(i + 1) % keys.length] as TmpKey;
      tokenNames.set(key.SecurityToken, 'the key\'s token');
      tokenNames.set(other.SecurityToken, 'another key\'s token');
      for (const base of task.bases) {
        for (const style of STYLES) {
          const plain = sentOf(base, style);
          for (const mode of modesOf(base)) {
            const label = `/api/sts ${task.actions.join(',')} on ${task.bucket}/${task.prefix} → ${describeBase(base)} (${style}, ${mode === 'url' ? 'pre-signed URL' : 'Authorization header'})`;
            for (const mutation of [IDENTITY, ...requestMutations(base, style)]) {
              const s = mutation.apply(plain);
              await probe(tally, label, base, mutation, withCredentials(s, holderSignature(s, key), key.SecurityToken, mode));
            }
            for (const mutation of credentialMutations(key.SecurityToken, other.SecurityToken)) {
              await probe(tally, label, base, mutation, mutation.apply(withCredentials(plain, holderSignature(plain, key), key.SecurityToken, mode)));
            }
          }
        }
      }
      tokenNames.delete(key.SecurityToken);
      tokenNames.delete(other.SecurityToken);
    }
    report('/api/sts', tally, Date.now() - started);
    expect({ broken: tally.broken, violations: tally.violations }).toEqual({ broken: [], violations: [] });
  }, 60_000);
});

describe('the matrix as a whole', () => {
  it('is large, and both accepts and refuses mutations', () => {
    const all = newTally();
    for (const tl of [tallies.sign, tallies.sts]) {
      all.requests += tl.requests;
      all.violations.push(...tl.violations);
      for (const [k, n] of tl.byOutcome) all.byOutcome.set(k, (all.byOutcome.get(k) ?? 0) + n);
    }
    report('total', all);
    expect(all.requests).toBeGreaterThanOrEqual(2000);
    expect(Date.now() - fileStarted).toBeLessThan(60_000);
    // Not degenerate: many mutations are accepted (and judged), many refused.
    expect(all.byOutcome.get('2xx') ?? 0).toBeGreaterThan(300);
    expect(all.requests - (all.byOutcome.get('2xx') ?? 0)).toBeGreaterThan(1000);
  });
});
