import { describe, expect, it } from 'vitest';
import { contentTypeOfKey } from './content-type';

describe('contentTypeOfKey', () => {
  it.each([
    ['1.zip', 'application/zip'],
    ['1.txt', 'text/plain'],
    ['dir/photo.JPG', 'image/jpeg'],
    ['a.b/index.html', 'text/html'],
    ['2', 'application/octet-stream'],
    ['dir.d/noext', 'application/octet-stream'],
    ['trailing.', 'application/octet-stream'],
    ['x.unknownext', 'application/octet-stream'],
    ['.hidden', 'application/octet-stream'],
  ])('%s → %s', (key, type) => {
    expect(contentTypeOfKey(key)).toBe(type);
  });
});
