// shareLink on the real cos-js-sdk-v5 (no network: getObjectUrl only signs): the lifetime reaches
// /api/sign as Expires although the SDK does not pass it to getAuthorization, the URL is the
// SDK's pre-signed URL, and the expiry is the signature's own q-key-time end.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SignRequest } from '../api/console-api';
import { ApiError } from '../api/http';
import { createSdkCosClient } from './sdk-cos-client';

beforeAll(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'log').mockImplementation(() => {});
});
afterAll(() => {
  vi.restoreAllMocks();
});

const AUTH = 'q-sign-algorithm=sha1&q-ak=AKIDTEST&q-sign-time=1700000000;1700003600&q-key-time=1700000000;1700003600&q-header-list=host&q-url-param-list=&q-signature=abc';

function client(seen: SignRequest[]) {
  return createSdkCosClient({
    domain: 'http://127.0.0.1:9/{Bucket}',
    protocol: 'http:',
    sign: async (request) => {
      seen.push(request);
      // Refused before anything is sent (no XHR in Node).
      if (request.Bucket === 'other-1250000000') throw new ApiError(403, 'Forbidden', 'no');
      if (request.Key === 'secret.txt') throw new ApiError(403, 'Forbidden', '"bob" may not GET b-1250000000/secret.txt: it needs share');
      return { Authorization: AUTH };
    },
  });
}

describe('shareLink', () => {
  it('asks the server to sign a GET of the object for the given lifetime, and reads the expiry from the signature', async () => {
    const seen: SignRequest[] = [];
    const cos = client(seen);
    const link = await cos.shareLink({ bucket: 'b-1250000000', region: 'ap-guangzhou', key: 'dir/x y.txt', expiresSeconds: 3600 });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ Method: 'get', Pathname: '/dir/x y.txt', Bucket: 'b-1250000000', Expires: 3600, Headers: { Host: '127.0.0.1:9' } });
    expect(link.url.startsWith('http://127.0.0.1:9/b-1250000000/dir/x%20y.txt?q-sign-algorithm=sha1&q-ak=AKIDTEST')).toBe(true);
    expect(link.expiresAt).toBe(1700003600 * 1000);
    // An ordinary request afterwards carries no Expires.
    await expect(cos.listObjects({ bucket: 'other-1250000000', region: 'ap-guangzhou', prefix: '' })).rejects.toMatchObject({ source: 'sign' });
    expect(seen[1]).toBeDefined();
    expect(seen[1]).not.toHaveProperty('Expires');
  });

  it('reports a refusal of /api/sign as that refusal', async () => {
    await expect(client([]).shareLink({ bucket: 'b-1250000000', region: 'ap-guangzhou', key: 'secret.txt', expiresSeconds: 900 }))
      .rejects.toMatchObject({ source: 'sign', code: 'Forbidden', statusCode: 403 });
  });
});
