import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http';
import { CosClientError } from '../cos/cos-error';
import { isRetryable, isUnauthorized } from './session-expiry';

describe('isUnauthorized', () => {
  it.each([
    ['API 401', new ApiError(401, 'Unauthorized', 'x'), true],
    ['API 403', new ApiError(403, 'Forbidden', 'x'), false],
    ['sign 401', new CosClientError('sign', 'Unauthorized', 'x', 401), true],
    ['sign 403', new CosClientError('sign', 'Forbidden', 'x', 403), false],
    // A 401-ish answer from COS itself is about COS credentials, not the console session.
    ['COS 403 AccessDenied', new CosClientError('cos', 'AccessDenied', 'x', 403), false],
    ['plain error', new Error('x'), false],
  ])('%s', (_name, error, expected) => {
    expect(isUnauthorized(error)).toBe(expected);
  });
});

describe('isRetryable', () => {
  it.each([
    ['network', new ApiError(0, 'NetworkError', 'x'), true],
    ['502', new ApiError(502, 'BadGateway', 'x'), true],
    ['404', new ApiError(404, 'NotFound', 'x'), false],
    ['COS error (the SDK retried already)', new CosClientError('cos', 'InternalError', 'x', 500), false],
  ])('%s', (_name, error, expected) => {
    expect(isRetryable(error)).toBe(expected);
  });
});
