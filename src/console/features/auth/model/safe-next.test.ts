import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next';

describe('safeNextPath', () => {
  it.each([
    ['missing', null, '/buckets'],
    ['empty', '', '/buckets'],
    ['same-origin path with query', '/buckets/photos-1250000000/objects?prefix=a%2Fb%2F', '/buckets/photos-1250000000/objects?prefix=a%2Fb%2F'],
    ['absolute URL', 'https://evil.example/', '/buckets'],
    ['protocol-relative', '//evil.example/x', '/buckets'],
    ['backslash trick', '/\\evil.example', '/buckets'],
    ['control character', '/\t/evil.example', '/buckets'],
    ['login itself (loop)', '/login?next=%2Fbuckets', '/buckets'],
    ['relative path', 'buckets', '/buckets'],
  ])('%s', (_name, next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });
});
