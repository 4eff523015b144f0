import { describe, expect, it } from 'vitest';
import { compareUtf8, prefixUpperBound } from './key-order';

const bytes = (s: string): number[] => Array.from(new TextEncoder().encode(s));
const byteCompare = (a: string, b: string): number => {
  const x = bytes(a);
  const y = bytes(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
  return x.length - y.length;
};

describe('UTF-8 key order', () => {
  const samples = ['', 'a', 'a/', 'a/b', 'ab', 'b', 'Z', '中', '\uffff', '\ue000', '🙂', '🙂a', '\u{10ffff}', 'a\u0000'];

  it('compareUtf8 agrees with byte comparison, unlike JS <', () => {
    for (const a of samples) for (const b of samples) expect(Math.sign(compareUtf8(a, b))).toBe(Math.sign(byteCompare(a, b)));
    expect('🙂' < '\uffff').toBe(true); // UTF-16 order…
    expect(compareUtf8('🙂', '\uffff')).toBeGreaterThan(0); // …is not UTF-8 order
  });

  it.each([
    ['a/', 'a0'],
    ['photos/', 'photos0'],
    ['\ud7ff', '\ue000'],
    ['a\u{10ffff}', 'b'],
    ['\u{10ffff}', undefined],
    ['', undefined],
  ])('upper bound of %j is %j', (prefix, bound) => {
    expect(prefixUpperBound(prefix)).toBe(bound);
  });

  it('the bound sorts after every extension of the prefix and before the next sibling', () => {
    const bound = prefixUpperBound('a/') ?? '';
    for (const k of ['a/', 'a/\u{10ffff}\u{10ffff}', 'a/🙂', 'a/\uffff']) expect(compareUtf8(k, bound)).toBeLessThan(0);
    expect(compareUtf8('a0', bound)).toBe(0);
  });
});
