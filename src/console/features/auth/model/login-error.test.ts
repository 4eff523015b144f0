import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/http';
import { loginErrorKey } from './login-error';

describe('loginErrorKey', () => {
  it.each([
    ['wrong credentials', new ApiError(401, 'InvalidCredentials', 'x'), 'auth.errors.invalidCredentials'],
    ['rate limited', new ApiError(429, 'TooManyRequests', 'x'), 'auth.errors.rateLimited'],
    ['server unreachable', new ApiError(0, 'NetworkError', 'Failed to fetch'), 'auth.errors.network'],
    ['server error', new ApiError(500, 'InternalError', 'x'), 'auth.errors.generic'],
    ['unexpected throw', new TypeError('x'), 'auth.errors.generic'],
  ])('%s', (_name, error, key) => {
    expect(loginErrorKey(error)).toBe(key);
  });
});

describe('loginErrorKey for an API key', () => {
  it('says the key was refused on 401', () => {
    expect(loginErrorKey(new ApiError(401, 'InvalidCredentials', 'x'), 'api-key')).toBe('auth.errors.invalidKey');
  });
  it('keeps the other messages', () => {
    expect(loginErrorKey(new ApiError(429, 'TooManyRequests', 'x'), 'api-key')).toBe('auth.errors.rateLimited');
  });
});
