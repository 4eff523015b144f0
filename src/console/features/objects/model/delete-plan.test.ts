import { describe, expect, it } from 'vitest';
import { batches, commonPrefix, preview, uniqueKeys } from './delete-plan';

describe('commonPrefix', () => {
  it.each<[string[], string]>([
    [[], ''],
    [['a/b.txt'], 'a/b.txt'],
    [['a/b.txt', 'a/c.txt'], 'a/'],
    [['a/b/1', 'a/b/2', 'a/bc'], 'a/b'],
    [['x', 'y'], ''],
    [['docs/*star', 'docs/*stars'], 'docs/'],
    [['/lead', '/leaf'], ''],
    [['日志/一', '日志/二'], '日志/'],
  ])('%j → %j', (keys, expected) => {
    expect(commonPrefix(keys)).toBe(expected);
    for (const k of keys) expect(k.startsWith(expected)).toBe(true);
  });
});

describe('batches', () => {
  it.each<[number, number, number[]]>([
    [0, 1000, []],
    [1, 1000, [1]],
    [1000, 1000, [1000]],
    [1001, 1000, [1000, 1]],
    [2500, 1000, [1000, 1000, 500]],
  ])('%i items in batches of %i', (n, size, sizes) => {
    const items = Array.from({ length: n }, (_, i) => i);
    const out = batches(items, size);
    expect(out.map((b) => b.length)).toEqual(sizes);
    expect(out.flat()).toEqual(items);
  });

  it('refuses a batch size below 1', () => {
    expect(() => batches([1], 0)).toThrow();
  });
});

describe('uniqueKeys and preview', () => {
  it('keeps each key once, first seen first', () => {
    expect(uniqueKeys([['a', 'b'], ['b', 'c'], []])).toEqual(['a', 'b', 'c']);
  });
  it('shows the first names and counts the rest', () => {
    expect(preview(['a', 'b', 'c'], 2)).toEqual({ shown: ['a', 'b'], more: 1 });
    expect(preview(['a'], 5)).toEqual({ shown: ['a'], more: 0 });
  });
});
