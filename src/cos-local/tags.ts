// Object and bucket tags: the `x-cos-tagging` header (`k1=v1&k2=v2`, URL-encoded, 436/7749) and the
// rules of PUT Object tagging (436/42997) and PUT Bucket tagging (436/34838): at most 10 tags on an
// object and 50 on a bucket, keys 1..128 and values 0..256 characters, no duplicate keys. Tags are
// stored as JSON `[{"key","value"}]`, in the order given.
import type { IncomingHttpHeaders } from 'node:http';
import { CosError } from '../shared/errors/cos-error';

export interface Tag {
  key: string;
  value: string;
}

export const MAX_OBJECT_TAGS = 10;
export const MAX_BUCKET_TAGS = 50;

// Letters, digits, spaces and + - = . _ : / @ (the CAM tag character set).
const ALLOWED = /^[\p{L}\p{N} +\-=._:/@]*$/u;

export function validateTags(tags: readonly Tag[], max: number): void {
  if (tags.length > max) throw new CosError('InvalidTag', { message: `At most ${max} tags are allowed.` });
  const seen = new Set<string>();
  for (const t of tags) {
    if (t.key.length < 1 || t.key.length > 128) throw new CosError('InvalidTag', { message: 'A tag key must be 1 to 128 characters long.' });
    if (t.value.length > 256) throw new CosError('InvalidTag', { message: 'A tag value must be at most 256 characters long.' });
    if (!ALLOWED.test(t.key) || !ALLOWED.test(t.value)) throw new CosError('InvalidTag', { message: `The tag ${t.key} contains characters that are not allowed.` });
    if (seen.has(t.key)) throw new CosError('InvalidTag', { message: `The tag key ${t.key} is repeated.` });
    seen.add(t.key);
  }
}

/** The tags of an `x-cos-tagging` header, or undefined without one. */
export function tagsFromHeader(headers: IncomingHttpHeaders, max = MAX_OBJECT_TAGS): Tag[] | undefined {
  const raw = headers['x-cos-tagging'];
  const header = Array.isArray(raw) ? raw.join('&') : raw;
  if (header === undefined) return undefined;
  const tags: Tag[] = [];
  for (const pair of header.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const [k, v] = eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
    try {
      tags.push({ key: decodeURIComponent(k.replace(/\+/g, ' ')), value: decodeURIComponent(v.replace(/\+/g, ' ')) });
    } catch {
      throw new CosError('InvalidArgument', { message: 'x-cos-tagging is not URL-encoded correctly.' });
    }
  }
  validateTags(tags, max);
  return tags;
}

export function tagsToJson(tags: readonly Tag[]): string {
  return JSON.stringify(tags.map((t) => ({ key: t.key, value: t.value })));
}

export function tagsFromJson(json: string | undefined): Tag[] {
  if (json === undefined) return [];
  const value: unknown = JSON.parse(json);
  if (!Array.isArray(value)) return [];
  return value.flatMap((t: unknown) => {
    if (typeof t !== 'object' || t === null) return [];
    const { key, value: v } = t as Record<string, unknown>;
    return typeof key === 'string' && typeof v === 'string' ? [{ key, value: v }] : [];
  });
}
