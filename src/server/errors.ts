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
