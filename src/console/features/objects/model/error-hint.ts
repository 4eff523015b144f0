// What to tell the user to do when the object list cannot be shown (COS codes: 436/7730).
import { CosClientError } from '../../../cos/cos-error';

export type ErrorHintKey =
  | 'objects.hints.accessDenied'
  | 'objects.hints.noSuchBucket'
  | 'objects.hints.forbidden'
  | 'objects.hints.sessionExpired'
  | 'objects.hints.credentials'
  | 'objects.hints.network'
  | 'objects.hints.generic';

const CREDENTIAL_CODES = new Set(['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'RequestTimeTooSkewed', 'ExpiredToken', 'InvalidToken']);

export function errorHintKey(error: unknown): ErrorHintKey {
  if (!(error instanceof CosClientError)) return 'objects.hints.generic';
  switch (error.source) {
    case 'sign':
      return error.statusCode === 401 ? 'objects.hints.sessionExpired' : 'objects.hints.forbidden';
    case 'network':
      return 'objects.hints.network';
    case 'client':
      return 'objects.hints.generic';
    case 'cos':
      if (error.code === 'AccessDenied') return 'objects.hints.accessDenied';
      if (error.code === 'NoSuchBucket') return 'objects.hints.noSuchBucket';
      return CREDENTIAL_CODES.has(error.code) ? 'objects.hints.credentials' : 'objects.hints.generic';
  }
}

/**
 * No answer at all: the endpoint is down, or the browser blocked the response because the bucket's
 * CORS rules do not allow this page's origin — the SDK cannot tell which (cos-error.ts), so the
 * console then asks its server (GET /api/buckets/:bucket/console-cors).
 */
export function isNetworkFailure(error: unknown): boolean {
  return error instanceof CosClientError && error.source === 'network';
}
