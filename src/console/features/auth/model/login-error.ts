import { ApiError } from '../../../api/http';

export type LoginErrorKey = 'auth.errors.invalidCredentials' | 'auth.errors.invalidKey' | 'auth.errors.rateLimited' | 'auth.errors.network' | 'auth.errors.generic';

/** Which message a failed POST /api/login shows (401 wrong credentials, 429 rate limit). */
export function loginErrorKey(error: unknown, mode: 'account' | 'api-key' = 'account'): LoginErrorKey {
  if (!(error instanceof ApiError)) return 'auth.errors.generic';
  if (error.status === 401) return mode === 'api-key' ? 'auth.errors.invalidKey' : 'auth.errors.invalidCredentials';
  if (error.status === 429) return 'auth.errors.rateLimited';
  if (error.status === 0) return 'auth.errors.network';
  return 'auth.errors.generic';
}
