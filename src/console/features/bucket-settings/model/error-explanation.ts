// The console's own explanation of an error code COS (436/7730) or the console server answers.
import { ApiError } from '../../../api/http';
import { CosClientError } from '../../../cos/cos-error';

const EXPLAINED = [
  'AccessDenied', 'MalformedXML', 'InvalidArgument', 'InvalidRequest', 'InvalidDigest', 'DomainConflict', 'NoSuchBucket',
  'SignFailed', 'Forbidden', 'HostNotBound', 'NetworkError', 'NotImplemented',
] as const;
type Explained = (typeof EXPLAINED)[number];

export type ErrorExplanationKey = `bucketSettings.common.errors.${Explained | 'generic'}`;

export function errorExplanationKey(error: unknown): ErrorExplanationKey {
  const code = error instanceof CosClientError || error instanceof ApiError ? error.code : undefined;
  const known = (EXPLAINED as readonly string[]).includes(code ?? '') ? (code as Explained) : 'generic';
  return `bucketSettings.common.errors.${known}`;
}
