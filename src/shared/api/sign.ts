// POST /api/sign: a COS Authorization for one request the browser is about to send. The body is what
// cos-js-sdk-v5 passes to getAuthorization, forwarded as is.
import { Type, type Static } from '@sinclair/typebox';
import { ErrorResponse } from './errors';
import { route } from './schema';

/** Longest share link: 2 h, what a root key's temporary key can live. */
export const MAX_SHARE_SECONDS = 7200;

const Scalar = Type.Union([Type.String(), Type.Number(), Type.Boolean()]);
/** `{ name: value }` with string, number or boolean values (`additionalProperties` names their schema). */
const ScalarMap = Type.Unsafe<Record<string, Static<typeof Scalar>>>(Type.Object({}, { additionalProperties: Scalar }));

export const SignBody = Type.Object({
  Method: Type.String({ pattern: '^[A-Za-z]{3,7}$' }),
  Pathname: Type.String({ pattern: '^/', maxLength: 2048 }),
  Query: Type.Optional(ScalarMap),
  Headers: Type.Optional(ScalarMap),
  Bucket: Type.Optional(Type.String({ maxLength: 64 })),
  Region: Type.Optional(Type.String({ maxLength: 64 })),
  Key: Type.Optional(Type.String()),
  /** Informational, not signed: the server derives the scope itself. */
  Scope: Type.Optional(Type.Array(
    Type.Object({ action: Type.Optional(Type.String()), bucket: Type.Optional(Type.String()), region: Type.Optional(Type.String()), prefix: Type.Optional(Type.String()) }),
    { maxItems: 1000 },
  )),
  SystemClockOffset: Type.Optional(Type.Number()),
  ForceSignHost: Type.Optional(Type.Boolean()),
  /** A share link's lifetime in seconds; absent for a signature the console uses itself. */
  Expires: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_SHARE_SECONDS })),
});
export type SignBody = Static<typeof SignBody>;

export const SignResponse = Type.Object({
  Authorization: Type.String(),
  /** The temporary key's token, when the signature was made with one. */
  SecurityToken: Type.Optional(Type.String()),
});
export type SignResponse = Static<typeof SignResponse>;

export const Sign = route('POST', '/api/sign', {
  body: SignBody,
  response: { 200: SignResponse, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 502: ErrorResponse },
});
