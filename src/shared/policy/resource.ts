// COS resource strings: `qcs::cos:<region>:uid/<appid>:<bucket-appid>/<key-pattern>` and friends
// (https://www.tencentcloud.com/document/product/436/30580 for bucket and object resources,
// https://www.tencentcloud.com/document/product/436/32971 for the empty region; the forms we accept:
// docs/cos-behaviour.md "Policies").
import type { ResourceRef } from './model';
import { globMatch } from './glob';

export type ResourcePattern =
  /** `*`: everything, GET Service included. */
  | { readonly kind: 'any' }
  /** `path` is `*` (every bucket of the appid) or `<bucket>/<key glob>`; region '' = any region. */
  | { readonly kind: 'cos'; readonly region: string; readonly appId: string; readonly path: string }
  /** Another product's resource (`qcs::cvm:…`): valid CAM, never matches a COS request. */
  | { readonly kind: 'foreign' };

export interface ResourceNote {
  readonly code: 'foreign-resource' | 'bucket-without-slash' | 'bucket-appid-mismatch';
  readonly message: string;
}

export type ParsedResource =
  | { readonly ok: true; readonly pattern: ResourcePattern; readonly normalised: string; readonly notes: readonly ResourceNote[] }
  | { readonly ok: false; readonly reason: string; readonly suggestion?: string };

const SIX_SEGMENTS = /^qcs:([^:]*):([^:]*):([^:]*):([^:]*):(.*)$/s;
// qcloud-cos-sts getPolicy: `…:uid/<appid>:prefix//<appid>/<shortBucket>/<key>` (qcloud-cos-sts 3.1.3 sdk/sts.js).
const LEGACY = /^prefix\/\/([^/]+)\/([^/]+)(?:\/(.*))?$/s;

/** Parses one resource string of a policy. */
export function parseResource(raw: string): ParsedResource {
  if (raw === '*') return { ok: true, pattern: { kind: 'any' }, normalised: raw, notes: [] };
  const m = SIX_SEGMENTS.exec(raw);
  if (!m) return { ok: false, reason: 'expected `*` or the six-segment form qcs::cos:<region>:uid/<appid>:<bucket-appid>/<path>' };
  const [, , service = '', region = '', account = '', rest = ''] = m;
  if (service !== 'cos') {
    const note = { code: 'foreign-resource', message: `a ${service || 'non-COS'} resource never matches a COS request` } as const;
    return { ok: true, pattern: { kind: 'foreign' }, normalised: raw, notes: [note] };
  }
  const acct = /^uid\/(\d+)$/.exec(account);
  if (!acct) {
    const fixed = account.replace(/^uin\//, 'uid/');
    return /^uid\/\d+$/.test(fixed)
      ? { ok: false, reason: 'COS resources name the account as uid/<APPID>', suggestion: raw.replace(`:${account}:`, `:${fixed}:`) }
      : { ok: false, reason: `account segment must be uid/<APPID>, got "${account}"` };
  }
  const appId = acct[1] ?? '';
  let path = rest;
  const legacy = LEGACY.exec(rest);
  if (legacy) path = `${legacy[2] ?? ''}-${legacy[1] ?? ''}/${legacy[3] ?? ''}`;
  if (path === '') return { ok: false, reason: 'the resource path is empty; use `*`, `<bucket>/` or `<bucket>/<key>`' };
  const normalised = `qcs::cos:${region}:uid/${appId}:${path}`;
  return { ok: true, pattern: { kind: 'cos', region, appId, path }, normalised, notes: notesFor(path, appId) };
}

function notesFor(path: string, appId: string): ResourceNote[] {
  if (path === '*') return [];
  const slash = path.indexOf('/');
  const bucket = slash < 0 ? path : path.slice(0, slash);
  const notes: ResourceNote[] = [];
  if (slash < 0) {
    notes.push({ code: 'bucket-without-slash', message: `"${path}" has no "/": write "${path}/" for the bucket or "${path}/*" for it and its objects` });
  }
  if (!bucket.includes('*') && !bucket.endsWith(`-${appId}`)) {
    notes.push({ code: 'bucket-appid-mismatch', message: `bucket "${bucket}" should be the full name ending in -${appId}` });
  }
  return notes;
}

/**
 * Does a parsed pattern cover the request's resource? The request side is the string
 * `<bucket>/<key>` (`<bucket>/` for the bucket itself), so `bucket/*` covers the bucket too, as
 * tencentcloud 436/30580 uses it for bucket APIs, while `bucket/` covers only the bucket.
 */
export function resourceMatches(pattern: ResourcePattern, ref: ResourceRef): boolean {
  if (pattern.kind === 'any') return true;
  if (pattern.kind === 'foreign' || 'service' in ref) return false; // GET Service: only `*` (tencentcloud 436/30580)
  if (pattern.region !== '' && !globMatch(pattern.region, ref.region)) return false; // '' = any region (tencentcloud 436/32971)
  if (pattern.appId !== ref.appId) return false;
  return globMatch(pattern.path, `${ref.bucket}/${ref.key ?? ''}`);
}

/** Parses and matches; an unparsable pattern matches nothing. */
export function resourceStringMatches(raw: string, ref: ResourceRef): boolean {
  const p = parseResource(raw);
  return p.ok && resourceMatches(p.pattern, ref);
}

/** The resource string of a request (what the console shows in its simulator). */
export function formatResource(ref: ResourceRef): string {
  if ('service' in ref) return '*';
  return `qcs::cos:${ref.region}:uid/${ref.appId}:${ref.bucket}/${ref.key ?? ''}`;
}
