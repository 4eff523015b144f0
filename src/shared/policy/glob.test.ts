import { describe, expect, it } from 'vitest';
import { globMatch } from './glob';

describe('globMatch', () => {
  it.each([
    ['exact', 'doc/a.txt', 'doc/a.txt', true],
    ['exact differs', 'doc/a.txt', 'doc/b.txt', false],
    ['no star is not a prefix', 'folder/sub-folder/prefix', 'folder/sub-folder/prefix-1.txt', false],
    ['trailing star crosses /', 'a*', 'a/b/c.txt', true],
    ['dir star', 'a/*', 'a/b/c.txt', true],
    ['dir star needs the slash', 'a/*', 'ab', false],
    ['star matches empty', 'bucket/*', 'bucket/', true],
    ['every star is a wildcard (not just the first)', 'a*b*c', 'aXXbYYc', true],
    ['second star is honoured', 'a*b*c', 'aXXbYY', false],
    ['backtracking', '*ab', 'aaab', true],
    ['leading star', '*.jpg', 'x/y.jpg', true],
    ['dot is literal', 'a.c', 'abc', false],
    ['regex metachars are literal', 'a+(b)[c]$^|\\', 'a+(b)[c]$^|\\', true],
    ['regex metachars do not act', 'a+', 'aa', false],
    ['? is literal', 'a?c', 'abc', false],
    ['? matches itself', 'a?c', 'a?c', true],
    ['unicode', '文件夹/*', '文件夹/文件名.txt', true],
    ['only stars', '**', '', true],
    ['empty pattern', '', 'x', false],
  ] as const)('%s', (_name, pattern, text, expected) => {
    expect(globMatch(pattern, text)).toBe(expected);
  });

  it('is case-sensitive unless asked', () => {
    expect(globMatch('image/*', 'IMAGE/png')).toBe(false);
    expect(globMatch('image/*', 'IMAGE/png', true)).toBe(true);
  });
});
