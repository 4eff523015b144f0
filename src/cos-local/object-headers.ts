// Object metadata carried in headers: what PUT Object stores (436/7749) and what GET/HEAD Object
// give back (436/7753, 436/7745), with the `response-*` overrides of GET Object.
import type { IncomingHttpHeaders } from 'node:http';
import { contentTypeOfKey } from '../shared/cos/content-type';
import { CosError } from '../shared/errors/cos-error';
import type { RequestQuery } from './query';
import type { ObjectRecord } from './store/types';

/** Standard headers PUT Object stores and GET Object returns. */
const STORED = ['cache-control', 'content-disposition', 'content-encoding', 'content-type', 'expires', 'x-cos-server-side-encryption'] as const;
const CANONICAL: Record<string, string> = {
  'cache-control': 'Cache-Control', 'content-disposition': 'Content-Disposition', 'content-encoding': 'Content-Encoding',
  'content-type': 'Content-Type', expires: 'Expires', 'content-language': 'Content-Language',
};

/** User metadata (x-cos-meta-*) is limited to 2 KB in total (436/7749). */
export const MAX_META_BYTES = 2048;

export const STORAGE_CLASSES = ['STANDARD', 'STANDARD_IA', 'INTELLIGENT_TIERING', 'MAZ_STANDARD', 'MAZ_STANDARD_IA', 'MAZ_INTELLIGENT_TIERING'];
/** Archive classes need POST Object restore before a GET; not emulated. */
const ARCHIVE_CLASSES = ['ARCHIVE', 'DEEP_ARCHIVE'];

const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v.join(', ') : v);

/** A Content-Type that is absent or empty comes from the key's extension (shared/cos/content-type.ts). */
export function storedHeaders(h: IncomingHttpHeaders, key: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of STORED) {
    const v = one(h[name]);
    if (v !== undefined && v !== '') out[name] = v;
  }
  out['content-type'] ??= contentTypeOfKey(key);
  return out;
}

export function userMetadata(h: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  let bytes = 0;
  for (const [name, value] of Object.entries(h)) {
    if (!name.startsWith('x-cos-meta-')) continue;
    const v = one(value) ?? '';
    out[name] = v;
    bytes += Buffer.byteLength(name.slice('x-cos-meta-'.length), 'latin1') + Buffer.byteLength(v, 'latin1');
  }
  if (bytes > MAX_META_BYTES) throw new CosError('MetadataTooLarge');
  return out;
}

export function storageClass(h: IncomingHttpHeaders): string {
  const v = one(h['x-cos-storage-class']);
  if (v === undefined || v === '') return 'STANDARD';
  const upper = v.toUpperCase();
  if (STORAGE_CLASSES.includes(upper)) return upper;
  if (ARCHIVE_CLASSES.includes(upper)) throw new CosError('NotImplemented', { message: `Storage class ${upper} (restore) is not implemented by cos-local.` });
  throw new CosError('InvalidArgument', { message: `Invalid storage class: ${v}.` });
}

/**
 * Server-side encryption: SSE-COS (`x-cos-server-side-encryption: AES256`) is recorded and reported
 * (436/18437); SSE-KMS and SSE-C need key services cos-local does not have: better refused than
 * ignored.
 */
export function refuseUnsupported(h: IncomingHttpHeaders): void {
  const sse = one(h['x-cos-server-side-encryption']);
  const unsupported = [
    sse !== undefined && sse !== 'AES256' ? `x-cos-server-side-encryption: ${sse}` : undefined,
    ...Object.keys(h).filter((n) => n.startsWith('x-cos-server-side-encryption-')),
  ].filter((n): n is string => n !== undefined);
  if (unsupported.length > 0) {
    throw new CosError('NotImplemented', { message: `${unsupported.join(', ')} is not implemented by cos-local.` });
  }
}

/** Response headers of GET/HEAD Object. */
export function objectResponseHeaders(o: ObjectRecord): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(o.headers)) out[CANONICAL[name] ?? name] = value;
  out['ETag'] = o.etag;
  out['Last-Modified'] = new Date(o.lastModified).toUTCString();
  out['Accept-Ranges'] = 'bytes';
  out['x-cos-hash-crc64ecma'] = o.crc64;
  if (o.storageClass !== 'STANDARD') out['x-cos-storage-class'] = o.storageClass;
  for (const [name, value] of Object.entries(o.meta)) out[name] = value;
  return out;
}

const OVERRIDES: Record<string, string> = {
  'response-content-type': 'Content-Type', 'response-content-language': 'Content-Language', 'response-expires': 'Expires',
  'response-cache-control': 'Cache-Control', 'response-content-disposition': 'Content-Disposition',
  'response-content-encoding': 'Content-Encoding',
};

/** GET Object `response-*` query parameters override the stored headers. */
export function applyOverrides(headers: Record<string, string>, query: RequestQuery): Record<string, string> {
  const out = { ...headers };
  for (const p of query.params) {
    const header = OVERRIDES[p.name.toLowerCase()];
    if (header === undefined || p.value === undefined) continue;
    if ([...p.value].some((c) => (c < ' ' && c !== '\t') || c === '\x7f')) throw new CosError('InvalidArgument', { message: `Invalid ${p.name}.` });
    // Header values travel as bytes: send the UTF-8 of the decoded parameter.
    out[header] = Buffer.from(p.value, 'utf8').toString('latin1');
  }
  return out;
}
