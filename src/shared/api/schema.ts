// The building blocks of the console server's HTTP API contract: the few schema kinds TypeBox does
// not have as plain JSON Schema, and the shape of one route's contract.
//
// A TypeBox schema is a plain JSON Schema object: Fastify compiles it as is (Ajv for requests,
// fast-json-stringify for responses), the console checks answers against it with Value.Check, and
// Static<typeof S> is its TypeScript type.
import { FormatRegistry, Kind, Type, TypeRegistry, type Static, type TSchema, type TUnsafe } from '@sinclair/typebox';

const STRING_ENUM = 'StringEnum';

// `{ type: 'string', enum: [...] }`, as the routes have always declared their enumerations (Type.Union
// of literals would become an anyOf, with other validation messages). Value.Check knows it by its Kind.
if (!TypeRegistry.Has(STRING_ENUM)) {
  TypeRegistry.Set<{ enum: readonly string[] }>(STRING_ENUM, (schema, value) => typeof value === 'string' && schema.enum.includes(value));
}

/** A string that is one of `values`: `{ type: 'string', enum: values }`. */
export function StringEnum<const T extends readonly string[]>(values: T, options: Record<string, unknown> = {}): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ ...options, [Kind]: STRING_ENUM, type: 'string', enum: [...values] });
}

// RFC 3339 date-time (what `new Date().toISOString()` writes), the format Ajv and fast-json-stringify
// know by this name. TypeBox's Value.Check refuses formats it has not been told about.
const DATE_TIME = /^\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d:\d\d(?:\.\d+)?(?:[Zz]|[+-]\d\d:?\d\d)$/;
if (!FormatRegistry.Has('date-time')) FormatRegistry.Set('date-time', (value) => DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)));

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** A route's `schema:` as Fastify takes it; `response` maps each status the route answers with a body. */
export interface RouteSchema {
  readonly body?: TSchema;
  readonly querystring?: TSchema;
  readonly params?: TSchema;
  readonly response: Readonly<Record<number, TSchema>>;
}

/** One route of the console server's API: the server registers `schema` as is, the console checks answers against it. */
export interface ApiRoute<M extends HttpMethod = HttpMethod, U extends string = string, S extends RouteSchema = RouteSchema> {
  readonly method: M;
  readonly url: U;
  readonly schema: S;
}

export const route = <const M extends HttpMethod, const U extends string, const S extends RouteSchema>(method: M, url: U, schema: S): ApiRoute<M, U, S> => ({ method, url, schema });

type StaticOf<S, K extends string> = S extends { readonly [P in K]: infer T extends TSchema } ? Static<T> : unknown;

/**
 * The request types of a route, as Fastify's route generic takes them (Body, Querystring, Params,
 * Reply by status): `app.post<RouteTypes<typeof Login>>(Login.url, { schema: Login.schema }, ...)`.
 */
export interface RouteTypes<R extends ApiRoute> {
  Body: StaticOf<R['schema'], 'body'>;
  Querystring: StaticOf<R['schema'], 'querystring'>;
  Params: StaticOf<R['schema'], 'params'>;
  Reply: { [C in keyof R['schema']['response']]: R['schema']['response'][C] extends infer T extends TSchema ? Static<T> : never };
}

/** The answer of a route on success: its 200, else 201, else (204) nothing. */
export type SuccessBody<R extends ApiRoute> = R['schema']['response'] extends { readonly 200: infer T extends TSchema } ? Static<T>
  : R['schema']['response'] extends { readonly 201: infer T extends TSchema } ? Static<T>
    : undefined;
