import { describe, expect, it } from 'vitest';
import { breadcrumbSegments, breadcrumbTrail, parentPrefix, reachableParent } from './breadcrumbs';

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

// A restricted account granted 2025/ of the bucket (list): what it may list, as grant-navigation.ts decides.
const under2025 = (prefix: string) => prefix.startsWith('2025/');
const anywhere = () => true;

describe('breadcrumbTrail', () => {
  it.each([
    ['unrestricted: every crumb a link', '2025/summer/', anywhere, [['b', true], ['2025', true], ['summer', true]]],
    ['above the grant: shown but not reachable', '2025/summer/', under2025, [['b', false], ['2025', true], ['summer', true]]],
    ['outside the grant entirely', 'other/', under2025, [['b', false], ['other', false]]],
    ['the root itself', '', under2025, [['b', false]]],
  ])('%s', (_name, prefix, canList, expected) => {
    expect(breadcrumbTrail('b', prefix, canList).map((c) => [c.label, c.reachable])).toEqual(expected);
  });
});

describe('reachableParent', () => {
  it.each([
    ['inside a grant: the parent', '2025/summer/', under2025, '2025/'],
    ['at the top of a grant: none', '2025/', under2025, null],
    ['unrestricted, one folder down: the root', '2025/', anywhere, ''],
    ['the root: none', '', anywhere, null],
  ])('%s', (_name, prefix, canList, expected) => {
    expect(reachableParent(prefix, canList)).toBe(expected);
  });
});
