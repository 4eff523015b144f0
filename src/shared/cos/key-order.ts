// Object keys are listed in UTF-8 byte order (GET Bucket: "按照 UTF-8 字典序", 436/7734), which is
// Unicode code point order. JS `<` compares UTF-16 code units, which differs for characters above
// U+FFFF versus U+E000–U+FFFF, so listing code compares with these helpers instead.

/** Negative, zero or positive as `a` sorts before, with or after `b` in UTF-8 byte order. */
export function compareUtf8(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.codePointAt(i) ?? 0;
    const cb = b.codePointAt(j) ?? 0;
    if (ca !== cb) return ca - cb;
    i += ca > 0xffff ? 2 : 1;
    j += cb > 0xffff ? 2 : 1;
  }
  return (a.length - i) - (b.length - j);
}

/**
 * The smallest string that sorts after every string starting with `prefix` (UTF-8 order), or
 * undefined when there is none (the prefix is all U+10FFFF). Listing seeks to it to skip a whole
 * common prefix in one step.
 */
export function prefixUpperBound(prefix: string): string | undefined {
  const points = Array.from(prefix, (c) => c.codePointAt(0) ?? 0);
  while (points.length > 0) {
    const last = points.pop() ?? 0;
    if (last < 0x10ffff) {
      const next = last + 1 === 0xd800 ? 0xe000 : last + 1; // surrogates are not characters
      return String.fromCodePoint(...points, next);
    }
  }
  return undefined;
}
