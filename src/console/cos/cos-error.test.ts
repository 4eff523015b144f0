import { describe, expect, it } from 'vitest';
import { CosClientError, fromSdkError } from './cos-error';

describe('fromSdkError', () => {
  it.each([
    [
      'COS error body',
      { code: 'AccessDenied', message: 'Access Denied.', statusCode: 403, RequestId: 'r1' },
      { source: 'cos', code: 'AccessDenied', statusCode: 403, requestId: 'r1' },
    ],
    ['bodyless 404 (HEAD)', { code: 'Error', message: 'Not Found', statusCode: 404 }, { source: 'cos', code: 'Http404', statusCode: 404 }],
    ['request id only in error', { code: 'NoSuchBucket', message: 'x', statusCode: 404, error: { RequestId: 'r2' } }, { source: 'cos', code: 'NoSuchBucket', requestId: 'r2' }],
    ['CORS or network', { message: 'CORS blocked or network error', statusCode: 0 }, { source: 'network', code: 'NetworkError' }],
    ['parameter check', new Error('Bucket should format as "test-1250000000".'), { source: 'client', code: 'ClientError' }],
  ] as const)('%s', (_name, input, expected) => {
    expect(fromSdkError(input)).toMatchObject(expected);
  });

  it('keeps a CosClientError as it is', () => {
    const error = new CosClientError('sign', 'Forbidden', 'no cos:GetBucket', 403);
    expect(fromSdkError(error)).toBe(error);
  });
});
