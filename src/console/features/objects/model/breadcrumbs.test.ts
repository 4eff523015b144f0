import { describe, expect, it } from 'vitest';
import { breadcrumbSegments, parentPrefix } from './breadcrumbs';

describe('breadcrumbSegments', () => {
  it.each([
    ['bucket root', '', []],
    ['one folder', 'docs/', [{ label: 'docs', prefix: 'docs/' }]],
    ['nested', 'a/b c/', [{ label: 'a', prefix: 'a/' }, { label: 'b c', prefix: 'a/b c/' }]],
    ['unicode and URL characters', '照片/+%#?/', [{ label: '照片', prefix: '照片/' }, { label: '+%#?', prefix: '照片/+%#?/' }]],
    ['typed prefix without slash', 'a/rep', [{ label: 'a', prefix: 'a/' }, { label: 'rep', prefix: 'a/rep' }]],
    ['empty segment', 'a//', [{ label: 'a', prefix: 'a/' }, { label: '/', prefix: 'a//' }]],
  ])('%s', (_name, prefix, crumbs) => {
    expect(breadcrumbSegments(prefix)).toEqual(crumbs);
  });
});

describe('parentPrefix', () => {
  it.each([
    ['', null],
    ['docs/', ''],
    ['a/b/', 'a/'],
    ['a/b/c/', 'a/b/'],
    ['a/rep', 'a/'],
    ['a//', 'a/'],
  ])('%j → %j', (prefix, parent) => {
    expect(parentPrefix(prefix)).toBe(parent);
  });
});
