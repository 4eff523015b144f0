import { ApiError } from '../api/http';
import { CosClientError } from '../cos/cos-error';

/** True when the error means the console session has ended (any API call, or /api/sign, said 401). */
export function isUnauthorized(error: unknown): boolean {
  if (error instanceof ApiError) return error.status === 401;
  return error instanceof CosClientError && error.source === 'sign' && error.statusCode === 401;
}

/** Errors worth one more try: no answer, or a server failure. 4xx answers will not change. */
export function isRetryable(error: unknown): boolean {
  // cos-js-sdk-v5 already retries 5xx and network errors itself (1.10.1 src/base.js allowRetry).
  if (error instanceof CosClientError) return false;
  if (error instanceof ApiError) return error.status === 0 || error.status >= 500;
  return true;
}
