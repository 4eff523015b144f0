// The bucket tags section's table: rows as typed, and the checks PUT Bucket tagging makes
// (https://cloud.tencent.com/document/product/436/34838): at most 50 tags; a key of 1 to 128 characters,
// a value of at most 256; letters, digits, spaces and + - = . _ : / @ only; no key twice (cos-local's
// src/cos-local/tags.ts checks the same). The bucket tag overview
// (https://www.tencentcloud.com/document/product/436/31509) adds that keys starting with `qcs:` or
// `project` are reserved by the system and cannot be created.
import type { XmlTag } from '../../../../shared/xml/tagging';

export const MAX_BUCKET_TAGS = 50;
export const MAX_TAG_KEY = 128;
export const MAX_TAG_VALUE = 256;

const ALLOWED = /^[\p{L}\p{N} +\-=._:/@]*$/u;
const RESERVED_PREFIXES = ['qcs:', 'project'];

export type TagProblem = 'keyEmpty' | 'keyTooLong' | 'keyCharacters' | 'keyReserved' | 'keyDuplicate' | 'valueTooLong' | 'valueCharacters';

export interface TagRowProblems {
  key?: TagProblem;
  value?: TagProblem;
}

export type TagsCheck =
  | { ok: true; tags: XmlTag[] }
  | { ok: false; rows: TagRowProblems[]; tooMany: boolean };

/** Characters, not UTF-16 units: a CJK key of 128 characters is allowed (436/34838 counts characters). */
const length = (s: string): number => [...s].length;

function keyProblem(key: string): TagProblem | undefined {
  if (key === '') return 'keyEmpty';
  if (length(key) > MAX_TAG_KEY) return 'keyTooLong';
  if (!ALLOWED.test(key)) return 'keyCharacters';
  if (RESERVED_PREFIXES.some((p) => key.startsWith(p))) return 'keyReserved';
  return undefined;
}

function valueProblem(value: string): TagProblem | undefined {
  if (length(value) > MAX_TAG_VALUE) return 'valueTooLong';
  return ALLOWED.test(value) ? undefined : 'valueCharacters';
}

/**
 * The tag set to PUT, or each row's problem. Keys are sent as typed (COS keys are case-sensitive and
 * may contain spaces); an empty list means "no tags", which the section sends as a DELETE.
 */
export function checkTags(rows: readonly XmlTag[]): TagsCheck {
  const seen = new Set<string>();
  const problems = rows.map((row): TagRowProblems => {
    const p: TagRowProblems = {};
    const key = keyProblem(row.key) ?? (seen.has(row.key) ? 'keyDuplicate' : undefined);
    seen.add(row.key);
    const value = valueProblem(row.value);
    if (key) p.key = key;
    if (value) p.value = value;
    return p;
  });
  const tooMany = rows.length > MAX_BUCKET_TAGS;
  if (!tooMany && problems.every((p) => !p.key && !p.value)) return { ok: true, tags: rows.map((r) => ({ key: r.key, value: r.value })) };
  return { ok: false, rows: problems, tooMany };
}

/** Whether two tag lists are the same, in order (COS keeps the order it was given). */
export function sameTags(a: readonly XmlTag[], b: readonly XmlTag[]): boolean {
  return a.length === b.length && a.every((t, i) => t.key === b[i]?.key && t.value === b[i]?.value);
}
