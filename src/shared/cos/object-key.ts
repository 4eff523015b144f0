// Object key rules. Doc: https://cloud.tencent.com/document/product/436/13324
// "对象键的名称可以使用任何 UTF-8 字符 … 编码长度最大为850个字节". Keys are never normalised:
// `a//b` and `../x` are distinct, legal keys.

export const MAX_KEY_BYTES = 850;

/** Byte length of a string in UTF-8 (without allocating). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export type KeyCheck = { ok: true } | { ok: false; code: 'KeyTooLong' | 'InvalidArgument'; reason: string };

export function checkObjectKey(key: string): KeyCheck {
  if (key === '') return { ok: false, code: 'InvalidArgument', reason: 'the object key is empty' };
  if (utf8Length(key) > MAX_KEY_BYTES) {
    return { ok: false, code: 'KeyTooLong', reason: `Your key is too long (at most ${MAX_KEY_BYTES} bytes in UTF-8).` };
  }
  return { ok: true };
}
