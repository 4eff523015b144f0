import { describe, expect, it } from 'vitest';
import { paths } from './paths';

function searchParam(url: string, name: string): string | null {
  return new URL(url, 'http://console.test').searchParams.get(name);
}

describe('paths.objects', () => {
  it('keeps slashes readable', () => {
    expect(paths.objects('photos-1250000000', { prefix: 'a/b/' })).toBe('/buckets/photos-1250000000/objects?prefix=a/b/');
  });

  it('omits an empty prefix', () => {
    expect(paths.objects('photos-1250000000', { prefix: '' })).toBe('/buckets/photos-1250000000/objects');
  });

  it.each(['a b/', '1+1=2/', '100%/', '#tag/', 'why?/', 'x&y/', '照片/2024 夏天/', 'a%2Fb/', 'emoji 😀/'])(
    'round-trips %j through the query string exactly once encoded',
    (prefix) => {
      const url = paths.objects('b-1250000000', { prefix, region: 'ap-guangzhou' });
      expect(searchParam(url, 'prefix')).toBe(prefix);
      expect(searchParam(url, 'region')).toBe('ap-guangzhou');
      expect(url.split('?')[0]).toBe('/buckets/b-1250000000/objects');
    },
  );
});

describe('paths.login', () => {
  it('carries the intended URL', () => {
    const next = '/buckets/b-1250000000/objects?prefix=a b/';
    expect(searchParam(paths.login(next), 'next')).toBe(next);
  });
});
