// The console server's API errors: one shape, `{ error: { code, message } }`, from one handler.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Response headers that belong to the error (e.g. Retry-After on 429). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const unauthorized = (): ApiError => new ApiError(401, 'Unauthorized', 'Sign in first.');

/** A COS refusal (a 4xx from the SDK) as the console API's error: its status and code, COS's message. */
export function cosFailure(e: unknown): ApiError | undefined {
  const err = e as { code?: unknown; statusCode?: unknown; message?: unknown };
  if (typeof err.code !== 'string' || typeof err.statusCode !== 'number' || err.statusCode < 400 || err.statusCode >= 500) return undefined;
  return new ApiError(err.statusCode, err.code, typeof err.message === 'string' ? err.message : err.code);
}
