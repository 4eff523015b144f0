// How a getAuthorization callback answers for a /api/sign result or refusal (shared by the listing
// client and the task clients).
import type COS from 'cos-js-sdk-v5';
import type { SignedAuthorization } from '../api/console-api';
import { ApiError } from '../api/http';
import { CosClientError } from './cos-error';

// The SDK accepts `{ Authorization, SecurityToken }` (src/base.js getAuthorizationAsync), but its
// typings only describe the STS-key object; a bare string is typed, so use it when there is no token.
export function toCallbackParams(auth: SignedAuthorization): COS.GetAuthorizationCallbackParams {
  return auth.SecurityToken === undefined ? auth.Authorization : (auth as COS.Credentials);
}

export function toSignError(error: unknown): CosClientError {
  if (error instanceof ApiError) return new CosClientError('sign', error.code, error.message, error.status);
  return new CosClientError('sign', 'SignFailed', error instanceof Error ? error.message : String(error));
}
