import { describe, expect, it } from 'vitest';
import { CosClientError } from '../../../cos/cos-error';
import { errorHintKey, isNetworkFailure } from './error-hint';

describe('errorHintKey', () => {
  it.each([
    ['COS AccessDenied', new CosClientError('cos', 'AccessDenied', 'Access Denied.', 403), 'objects.hints.accessDenied'],
    ['COS NoSuchBucket', new CosClientError('cos', 'NoSuchBucket', 'x', 404), 'objects.hints.noSuchBucket'],
    ['COS SignatureDoesNotMatch', new CosClientError('cos', 'SignatureDoesNotMatch', 'x', 403), 'objects.hints.credentials'],
    ['COS InternalError', new CosClientError('cos', 'InternalError', 'x', 500), 'objects.hints.generic'],
    ['console refused to sign', new CosClientError('sign', 'Forbidden', 'missing cos:GetBucket', 403), 'objects.hints.forbidden'],
    ['session ended while signing', new CosClientError('sign', 'Unauthorized', 'x', 401), 'objects.hints.sessionExpired'],
    ['no answer (CORS)', new CosClientError('network', 'NetworkError', 'CORS blocked or network error', 0), 'objects.hints.network'],
    ['anything else', new Error('boom'), 'objects.hints.generic'],
  ])('%s', (_name, error, key) => {
    expect(errorHintKey(error)).toBe(key);
  });
});

describe('isNetworkFailure', () => {
  it('is true only when no answer came (CORS blocked or endpoint down)', () => {
    expect(isNetworkFailure(new CosClientError('network', 'NetworkError', 'CORS blocked or network error', 0))).toBe(true);
    expect(isNetworkFailure(new CosClientError('cos', 'AccessDenied', 'x', 403))).toBe(false);
    expect(isNetworkFailure(new CosClientError('sign', 'Forbidden', 'x', 403))).toBe(false);
    expect(isNetworkFailure(new Error('Network request failed'))).toBe(false);
  });
});
