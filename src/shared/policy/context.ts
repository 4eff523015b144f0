// Builds the condition-key context of one request: where each key's value comes from (header,
// query parameter, connection), per the conditions table https://www.tencentcloud.com/document/product/436/46205.
// Pure: the caller passes what it read from the HTTP request.
import type { ConditionContext } from './model';
import { cosActionInfo } from './action';
import { conditionKeyInfo } from './condition-keys';
import { parseDateSeconds } from './condition';
import { camSafeUrlEncode } from '../signature/encode';

export interface Tag {
  readonly key: string;
  readonly value: string;
}

export interface RequestFacts {
  /** When given, keys that do not apply to the action are left out, as COS does: a condition on a key the request does not carry fails (tencentcloud 436/46206, the note at the top). */
  readonly action?: string;
  /** Header names in any case. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** Decoded query parameters, names in any case. */
  readonly query: Readonly<Record<string, string | undefined>>;
  readonly clientIp?: string;
  readonly secure: boolean;
  /** `TLSv1.2` (Node's `getProtocol()`) or `1.2`. */
  readonly tlsVersion?: string;
  /** Tags of the bucket (GET Service by tag, https://www.tencentcloud.com/document/product/436/30931). */
  readonly resourceTags?: readonly Tag[];
  /** Tags the request sets; defaults to the `x-cos-tagging` header. PUT Bucket tagging passes its XML body's tags here. */
  readonly requestTags?: readonly Tag[];
  /** ISO 8601 request time: `qcs:current_time` and the object-lock remaining days. */
  readonly currentTime?: string;
}

function lowerKeys<T>(o: Readonly<Record<string, T>>): Map<string, T> {
  return new Map(Object.entries(o).map(([k, v]) => [k.toLowerCase(), v]));
}

function first(v: string | readonly string[] | undefined): string | undefined {
  return typeof v === 'string' ? v : v?.[0];
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** `a=b&c=d` → `["a&b", "c&d"]`, the `key&value` form of tag conditions (tencentcloud 436/46206, `qcs:request_tag`). */
export function tagsFromHeader(header: string): Tag[] {
  return header.split('&').filter((p) => p !== '').map((p) => {
    const eq = p.indexOf('=');
    return eq < 0 ? { key: safeDecode(p), value: '' } : { key: safeDecode(p.slice(0, eq)), value: safeDecode(p.slice(eq + 1)) };
  });
}

const tagValues = (tags: readonly Tag[]): string[] => tags.map((t) => `${t.key}&${t.value}`);

/** Whole days left until the retain-until date, rounded down (tencentcloud 436/46206, `cos:object-lock-remaining-retention-days`). */
function remainingDays(until: string | undefined, now: string | undefined): string | undefined {
  const a = until === undefined ? undefined : parseDateSeconds(until);
  const b = now === undefined ? undefined : parseDateSeconds(now);
  return a === undefined || b === undefined ? undefined : String(Math.floor((a - b) / 86400));
}

/** The condition context of a request. */
export function buildContext(f: RequestFacts): ConditionContext {
  const h = lowerKeys(f.headers);
  const q = lowerKeys(f.query);
  const header = (name: string): string | undefined => first(h.get(name));
  const tagging = header('x-cos-tagging');
  const requestTags = f.requestTags ?? (tagging === undefined ? undefined : tagsFromHeader(tagging));
  const versionId = q.get('versionid');
  const prefix = q.get('prefix');
  const responseType = q.get('response-content-type');
  const lockUntil = header('x-cos-object-lock-retain-until-date');
  const all: Record<string, string | readonly string[] | undefined> = {
    'qcs:ip': f.clientIp,
    'qcs:current_time': f.currentTime,
    'qcs:resource_tag': f.resourceTags ? tagValues(f.resourceTags) : undefined,
    'qcs:request_tag': requestTags ? tagValues(requestTags) : undefined,
    // "" is the same as no versionid (tencentcloud 436/46206, `cos:versionid`).
    'cos:versionid': versionId === '' ? undefined : versionId,
    'cos:content-length': header('content-length'),
    // Compared as sent: content-type policy values are not URL-encoded (tencentcloud 436/46206, `cos:content-type`) …
    'cos:content-type': header('content-type'),
    // … but prefix and response-content-type values are (`folder1%2F`, `image%2Fjpeg`), so the
    // request side is encoded the same way (docs/cos-behaviour.md "Traps in the policy documentation" 7).
    'cos:response-content-type': responseType === undefined ? undefined : camSafeUrlEncode(responseType),
    'cos:prefix': prefix === undefined ? undefined : camSafeUrlEncode(prefix),
    'cos:secure-transport': f.secure ? 'true' : 'false',
    'cos:tls-version': f.secure && f.tlsVersion ? f.tlsVersion.replace(/^TLSv/i, '') : undefined,
    'cos:x-cos-storage-class': header('x-cos-storage-class'),
    'cos:x-cos-acl': header('x-cos-acl'),
    'cos:x-cos-forbid-overwrite': header('x-cos-forbid-overwrite'),
    'cos:host': header('host')?.toLowerCase(),
    'cos:object-lock-mode': header('x-cos-object-lock-mode'),
    'cos:object-lock-retain-until-date': lockUntil,
    'cos:object-lock-remaining-retention-days': remainingDays(lockUntil, f.currentTime),
  };
  for (const g of ['full-control', 'read', 'write', 'read-acp', 'write-acp']) all[`cos:x-cos-grant-${g}`] = header(`x-cos-grant-${g}`);
  const applicable = f.action === undefined ? undefined : new Set(cosActionInfo(f.action)?.conditionKeys ?? []);
  const out: Record<string, string | readonly string[]> = {};
  for (const [k, v] of Object.entries(all)) {
    if (v === undefined) continue;
    const info = conditionKeyInfo(k);
    if (applicable && info && info.appliesTo !== 'all' && !applicable.has(k)) continue;
    out[k] = v;
  }
  return out;
}
