import { describe, expect, it } from 'vitest';
import type { ListObjectsPage } from '../../../cos/cos-client';
import { relativeName, toObjectRows } from './object-rows';

const file = (key: string) => ({ key, size: 1, lastModified: '2024-01-01T00:00:00Z', etag: '"e"', storageClass: 'STANDARD' });
const page = (objects: string[], prefixes: string[]): ListObjectsPage => ({ objects: objects.map(file), prefixes, isTruncated: false, nextMarker: undefined });

describe('relativeName', () => {
  it.each([
    ['docs/a.txt', 'docs/', 'a.txt'],
    ['docs/sub/', 'docs/', 'sub/'],
    ['数据 1+1 %20#?.txt', '', '数据 1+1 %20#?.txt'],
    ['a/rep-1', 'a/rep', '-1'],
    ['other/x', 'docs/', 'other/x'],
  ])('%j in %j → %j', (key, prefix, name) => {
    expect(relativeName(key, prefix)).toBe(name);
  });
});

describe('toObjectRows', () => {
  it('lists folders before files, across pages, without duplicates', () => {
    const rows = toObjectRows([page(['d/a.txt'], ['d/x/']), page(['d/b.txt'], ['d/x/', 'd/y/'])], 'd/');
    expect(rows.map((r) => [r.kind, r.name])).toEqual([
      ['folder', 'x/'],
      ['folder', 'y/'],
      ['file', 'a.txt'],
      ['file', 'b.txt'],
    ]);
  });

  it('hides the folder marker object', () => {
    expect(toObjectRows([page(['d/', 'd/a'], [])], 'd/').map((r) => r.name)).toEqual(['a']);
  });

  it('keeps full keys for navigation and ids unique between a folder and a file', () => {
    const rows = toObjectRows([page(['a b/+'], ['a b/+/'])], 'a b/');
    expect(rows).toMatchObject([
      { kind: 'folder', prefix: 'a b/+/', name: '+/', id: 'd:a b/+/' },
      { kind: 'file', key: 'a b/+', name: '+', id: 'f:a b/+' },
    ]);
  });
});
