// Drives the real cos-js-sdk-v5 (no network: every case fails at signing, before a request is sent)
// to check that a refusal of /api/sign reaches the caller as that refusal, per call.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SignRequest } from '../api/console-api';
import { ApiError } from '../api/http';
import { CosClientError } from './cos-error';
import { createSdkCosClient } from './sdk-cos-client';

beforeAll(() => {
  // The browser SDK warns when loaded in Node; the warning is expected here.
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'log').mockImplementation(() => {});
});
afterAll(() => {
  vi.restoreAllMocks();
});

const refusals: Record<string, ApiError> = {
  'denied-1250000000': new ApiError(403, 'Forbidden', 'missing cos:GetBucket on denied-1250000000/'),
  'expired-1250000000': new ApiError(401, 'Unauthorized', 'session ended'),
};

function client(seen: SignRequest[] = []) {
  return createSdkCosClient({
    domain: 'http://127.0.0.1:9/{Bucket}',
    protocol: 'http:',
    sign: async (request) => {
      seen.push(request);
      throw refusals[request.Bucket] ?? new Error('unexpected bucket');
    },
  });
}

const list = (bucket: string) => ({ bucket, region: 'ap-guangzhou', prefix: 'a b/', delimiter: '/', maxKeys: 1000 });

describe('createSdkCosClient', () => {
  it('passes the SDK signing options to sign()', async () => {
    const seen: SignRequest[] = [];
    await expect(client(seen).listObjects(list('denied-1250000000'))).rejects.toBeInstanceOf(CosClientError);
    expect(seen[0]).toMatchObject({
      Method: 'GET',
      Pathname: '/',
      Key: '',
      Bucket: 'denied-1250000000',
      Region: 'ap-guangzhou',
      Query: { prefix: 'a b/', delimiter: '/' },
      Headers: { Host: '127.0.0.1:9' },
    });
  });

  it('gives each concurrent call its own signing refusal', async () => {
    const cos = client();
    const [denied, expired] = await Promise.allSettled([cos.listObjects(list('denied-1250000000')), cos.listObjects(list('expired-1250000000'))]);
    expect(denied).toMatchObject({ status: 'rejected', reason: { source: 'sign', code: 'Forbidden', statusCode: 403, message: 'missing cos:GetBucket on denied-1250000000/' } });
    expect(expired).toMatchObject({ status: 'rejected', reason: { source: 'sign', code: 'Unauthorized', statusCode: 401 } });
  });
});
