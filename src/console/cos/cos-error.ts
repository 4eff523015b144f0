// One error type for everything the CosClient can fail with, so the UI can say what happened
// and what to do without knowing the SDK's error shape (cos-js-sdk-v5 1.10.1 src/base.js _submitRequest).

/**
 * - `cos`: COS answered with an error (`code` is the COS error code, e.g. AccessDenied, NoSuchBucket).
 * - `sign`: the console server refused to sign (`code` from /api/sign, e.g. Forbidden; 401 = session ended).
 * - `network`: no answer at all (endpoint down, or CORS blocked the response).
 * - `client`: the SDK rejected the call before sending it.
 */
export type CosErrorSource = 'cos' | 'sign' | 'network' | 'client';

export class CosClientError extends Error {
  override readonly name = 'CosClientError';
  constructor(
    readonly source: CosErrorSource,
    readonly code: string,
    message: string,
    readonly statusCode?: number,
    readonly requestId?: string,
  ) {
    super(message);
  }
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null && name in value ? (value as Record<string, unknown>)[name] : undefined;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * Turns a cos-js-sdk-v5 rejection into a CosClientError. The SDK sets `code` to the COS error code,
 * `code === 'Error'` for a bodyless error (then `statusCode` tells), and reports a blocked or failed
 * XHR as statusCode 0 / "CORS blocked or network error".
 */
export function fromSdkError(error: unknown): CosClientError {
  if (error instanceof CosClientError) return error;
  const statusCode = field(error, 'statusCode');
  const status = typeof statusCode === 'number' ? statusCode : undefined;
  const code = text(field(error, 'code'));
  const message = text(field(error, 'message')) ?? text(field(field(error, 'error'), 'Message')) ?? String(error);
  const requestId = text(field(error, 'RequestId')) ?? text(field(field(error, 'error'), 'RequestId'));
  if (status === undefined || status === 0) {
    const network = /network|cors|timeout/i.test(message) || status === 0;
    return new CosClientError(network ? 'network' : 'client', network ? 'NetworkError' : (code ?? 'ClientError'), message, status);
  }
  return new CosClientError('cos', code && code !== 'Error' ? code : `Http${status}`, message, status, requestId);
}
