// The one transport to the console server (same origin, JSON). It throws typed errors and never
// navigates or shows UI: app/ decides what a 401 means (code-models.md §5, bulletproof anti-pattern).

/** An error answer of the console server (`{ error: { code, message } }`), or a network failure (status 0). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PATCH';
  body?: unknown;
  /** Sent as `x-csrf-token`; every state-changing request needs it (DESIGN.md §4). */
  csrfToken?: string;
}

function errorFromBody(status: number, body: unknown, fallback: string): ApiError {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const error: unknown = body.error;
    if (typeof error === 'object' && error !== null) {
      const code = 'code' in error && typeof error.code === 'string' ? error.code : `Http${status}`;
      const message = 'message' in error && typeof error.message === 'string' ? error.message : fallback;
      return new ApiError(status, code, message);
    }
  }
  return new ApiError(status, `Http${status}`, fallback);
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Sends one request and returns the parsed JSON body (undefined for 204), or throws ApiError. */
export async function apiRequest(path: string, request: ApiRequest = {}): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  if (request.csrfToken !== undefined) headers['x-csrf-token'] = request.csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method: request.method ?? 'GET',
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      credentials: 'same-origin',
    });
  } catch (cause) {
    throw new ApiError(0, 'NetworkError', cause instanceof Error ? cause.message : String(cause));
  }
  const body = await readJson(response);
  if (!response.ok) throw errorFromBody(response.status, body, response.statusText || `HTTP ${response.status}`);
  return body;
}

/** Narrowing helpers for response bodies: the server is another team's code, so check what we rely on. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function malformed(path: string): ApiError {
  return new ApiError(502, 'MalformedResponse', `Unexpected response from ${path}`);
}
