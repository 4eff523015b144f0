// The one transport to the console server (same origin, JSON). It throws typed errors and never
// navigates or shows UI: app/ decides what a 401 means (api/ sits below the UI: docs/import-rules.md).
//
// Every call names its route in the shared contract (src/shared/api) and every answer is checked
// against that route's response schema — the very object the server registered — so a contract
// drift shows up as one clear MalformedResponse naming the endpoint and the first misfit, instead of
// `undefined`s further on.
import type { Static, TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { ErrorResponse, schemaMisfit, type ApiRoute, type HttpMethod, type SuccessBody } from '../../shared/api';

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

interface ApiRequest {
  method?: HttpMethod;
  body?: unknown;
  /** Sent as `x-csrf-token`; every state-changing request needs it (docs/architecture.md "How a request flows"). */
  csrfToken?: string;
}

function errorFromBody(status: number, body: unknown, fallback: string): ApiError {
  // Not the server's error shape (a proxy's page, an empty body): the status says what there is to say.
  if (!Value.Check(ErrorResponse, body)) return new ApiError(status, `Http${status}`, fallback);
  return new ApiError(status, body.error.code, body.error.message);
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

/** Sends one request and returns its status and parsed JSON body (undefined when empty), or throws ApiError. */
async function send(path: string, request: ApiRequest): Promise<{ status: number; body: unknown }> {
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
  return { status: response.status, body };
}

/** An answer that breaks the contract: `<endpoint>: <where> <why>`. */
export function malformedResponse(endpoint: string, detail: string): ApiError {
  return new ApiError(502, 'MalformedResponse', `${endpoint}: ${detail}`);
}

type Part<R extends ApiRoute, K extends 'body' | 'querystring' | 'params'> = R['schema'] extends { readonly [P in K]: infer S extends TSchema } ? Static<S> : undefined;

/** What a call sends: the route's path parameters, query and body, typed by its schemas; the CSRF token. */
export interface Call<R extends ApiRoute> {
  params?: Part<R, 'params'>;
  query?: Part<R, 'querystring'>;
  body?: Part<R, 'body'>;
  /** Sent as `x-csrf-token`; every state-changing request needs it (state-changing routes). */
  csrfToken?: string;
}

/** `/api/admin/users/:name` with `{ name: 'a.b@c' }` → `/api/admin/users/a.b%40c`, then `?query` (empty values left out). */
function pathOf(url: string, params: unknown, query: unknown): string {
  const values = (params ?? {}) as Record<string, unknown>;
  const path = url.replace(/:([A-Za-z]+)/g, (_m, name: string) => encodeURIComponent(String(values[name] ?? '')));
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries((query ?? {}) as Record<string, unknown>)) if (v !== undefined && v !== '') search.set(k, String(v));
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * Calls one route of the console server's API and returns its answer, checked against the route's
 * response schema for the status it came with. Refusals arrive as the server's ApiError; an answer
 * that breaks the schema as ApiError 502 `MalformedResponse`, e.g.
 * `/api/admin/audit: /entries/0/outcome must be one of allowed, refused, ok, failed`.
 */
export async function callApi<R extends ApiRoute>(route: R, call: Call<R> = {}): Promise<SuccessBody<R>> {
  const { status, body } = await send(pathOf(route.url, call.params, call.query), {
    method: route.method,
    ...(call.body !== undefined ? { body: call.body } : {}),
    ...(call.csrfToken !== undefined ? { csrfToken: call.csrfToken } : {}),
  });
  const schema = route.schema.response[status];
  if (!schema) throw malformedResponse(route.url, `unexpected status ${status}`);
  // A 204 has no body: its schema says `null`.
  const misfit = schemaMisfit(schema, status === 204 && body === undefined ? null : body);
  if (misfit !== undefined) throw malformedResponse(route.url, misfit);
  return body as SuccessBody<R>;
}
