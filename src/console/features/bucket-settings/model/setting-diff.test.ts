import { describe, expect, it } from 'vitest';
import { diffCounts, diffRows, prettyStableJson, settingText, type DiffRow } from './setting-diff';

const lines = (...l: string[]): string => `${l.join('\n')}\n`;
const numbered = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => `l${from + i}`);

describe('prettyStableJson', () => {
  it.each<[string, unknown, string]>([
    ['keys sorted at every level', { b: 1, a: { d: 2, c: 3 } }, '{\n  "a": {\n    "c": 3,\n    "d": 2\n  },\n  "b": 1\n}'],
    ['list order kept', ['b', 'a'], '[\n  "b",\n  "a"\n]'],
    ['undefined members left out', { a: undefined, b: 'x' }, '{\n  "b": "x"\n}'],
    ['null', null, 'null'],
    ['undefined reads as null', undefined, 'null'],
  ])('%s', (_, value, expected) => {
    expect(prettyStableJson(value)).toBe(expected);
  });

  it('gives the same text for the same value in any key order', () => {
    expect(prettyStableJson({ x: [{ q: 1, p: 2 }], y: 'z' })).toBe(prettyStableJson({ y: 'z', x: [{ p: 2, q: 1 }] }));
  });
});

describe('settingText', () => {
  it.each<[string, Parameters<typeof settingText>[0], unknown, string]>([
    ['none is empty', 'cors', null, ''],
    ['an empty tag list is none', 'tagging', [], ''],
    ['a value is its JSON and a newline', 'versioning', 'Enabled', '"Enabled"\n'],
  ])('%s', (_, setting, value, expected) => {
    expect(settingText(setting, value)).toBe(expected);
  });
});

describe('diffRows', () => {
  it.each<[string, string, string, number, DiffRow[]]>([
    ['identical texts show every line', lines('a', 'b'), lines('a', 'b'), 3, [{ kind: 'same', text: 'a' }, { kind: 'same', text: 'b' }]],
    ['from none, every line is added', '', lines('a', 'b'), 3, [{ kind: 'added', text: 'a' }, { kind: 'added', text: 'b' }]],
    ['to none, every line is removed', lines('a'), '', 3, [{ kind: 'removed', text: 'a' }]],
    ['a changed line is removed then added, context kept', lines('a', 'b', 'c'), lines('a', 'B', 'c'), 3,
      [{ kind: 'same', text: 'a' }, { kind: 'removed', text: 'b' }, { kind: 'added', text: 'B' }, { kind: 'same', text: 'c' }]],
    ['a missing final newline does not add an empty line', 'a', 'b', 3, [{ kind: 'removed', text: 'a' }, { kind: 'added', text: 'b' }]],
    ['long unchanged runs are folded, context kept around the change', lines(...numbered(1, 10), 'x', ...numbered(12, 20)), lines(...numbered(1, 10), 'y', ...numbered(12, 20)), 2, [
      { kind: 'skipped', count: 8 }, { kind: 'same', text: 'l9' }, { kind: 'same', text: 'l10' },
      { kind: 'removed', text: 'x' }, { kind: 'added', text: 'y' },
      { kind: 'same', text: 'l12' }, { kind: 'same', text: 'l13' }, { kind: 'skipped', count: 7 },
    ]],
    ['a run between two changes keeps context on both sides', lines('x', ...numbered(1, 9), 'y'), lines('X', ...numbered(1, 9), 'Y'), 1, [
      { kind: 'removed', text: 'x' }, { kind: 'added', text: 'X' },
      { kind: 'same', text: 'l1' }, { kind: 'skipped', count: 7 }, { kind: 'same', text: 'l9' },
      { kind: 'removed', text: 'y' }, { kind: 'added', text: 'Y' },
    ]],
    ['a run of exactly 2 × context + 1 lines is not folded', lines('x', 'a', 'b', 'c', 'y'), lines('X', 'a', 'b', 'c', 'Y'), 1, [
      { kind: 'removed', text: 'x' }, { kind: 'added', text: 'X' },
      { kind: 'same', text: 'a' }, { kind: 'same', text: 'b' }, { kind: 'same', text: 'c' },
      { kind: 'removed', text: 'y' }, { kind: 'added', text: 'Y' },
    ]],
  ])('%s', (_, before, after, context, expected) => {
    expect(diffRows(before, after, context)).toEqual(expected);
  });

  it('diffs two settings by their stable text: a reordered key is no change', () => {
    const rows = diffRows(settingText('website', { indexDocument: { suffix: 'i.html' }, errorDocument: { key: 'e.html' } }),
      settingText('website', { errorDocument: { key: 'e.html' }, indexDocument: { suffix: 'i.html' } }));
    expect(diffCounts(rows)).toEqual({ added: 0, removed: 0 });
  });

  it('counts added and removed lines', () => {
    expect(diffCounts(diffRows(lines('a', 'b'), lines('a', 'c', 'd')))).toEqual({ added: 2, removed: 1 });
  });
});
