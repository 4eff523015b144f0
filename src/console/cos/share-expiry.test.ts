import { describe, expect, it } from 'vitest';
import { keyTimeOfUrl } from './share-expiry';

describe('keyTimeOfUrl', () => {
  it.each([
    ['http://127.0.0.1:9000/b-1250000000/a.txt?q-sign-algorithm=sha1&q-key-time=1700000000;1700003600&q-signature=x', { start: 1700000000, end: 1700003600 }],
    // getObjectUrl sends the ; as it is, a browser's copy may have it encoded.
    ['https://b-1250000000.cos.ap-guangzhou.myqcloud.com/a?q-key-time=1700000000%3B1700000900', { start: 1700000000, end: 1700000900 }],
    ['http://x/a?q-key-time=1700000900;1700000000', undefined],
    ['http://x/a?q-key-time=abc', undefined],
    ['http://x/a', undefined],
    ['not a url', undefined],
  ])('%s', (url, expected) => {
    expect(keyTimeOfUrl(url)).toEqual(expected);
  });
});
