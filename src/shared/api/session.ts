// Sign-in (console account or COS API key), the session, and sign-out.
import { Type, type Static } from '@sinclair/typebox';
import { ErrorResponse } from './errors';
import { Grant } from './grants';
import { route } from './schema';

/** Sign-in with a console account. */
export const AccountLogin = Type.Object({
  username: Type.String({ maxLength: 128 }),
  password: Type.String({ maxLength: 1024 }),
});
export type AccountLogin = Static<typeof AccountLogin>;

/** Sign-in with a COS API key: SecretId, SecretKey and, for a temporary key, its token. */
export const KeyLogin = Type.Object({
  secretId: Type.String({ maxLength: 128 }),
  secretKey: Type.String({ maxLength: 256 }),
  token: Type.Optional(Type.String({ maxLength: 16384 })),
});
export type KeyLogin = Static<typeof KeyLogin>;

/**
 * POST /api/login's body: exactly one of the two ways to sign in. One object with every field and a
 * `oneOf` of the two `required` lists (a union of two objects would not do: Ajv's removeAdditional
 * strips the other way's fields while trying the first).
 */
export const LoginBody = Type.Unsafe<AccountLogin | KeyLogin>(Type.Object({
  ...Type.Partial(AccountLogin).properties,
  ...Type.Partial(KeyLogin).properties,
}, {
  additionalProperties: false,
  oneOf: [{ required: AccountLogin.required }, { required: KeyLogin.required }],
}));
export type LoginBody = Static<typeof LoginBody>;

/**
 * The signed-in person, as /api/login and /api/session return it:
 * - console account: `{ name, kind: 'account', role: 'admin' | 'user', grants }` (grants: role 'user' only);
 * - API key: `{ name: <SecretId>, kind: 'api-key', role: 'api-key', temporary, canListBuckets }` —
 *   COS decides what the key may do; `canListBuckets: false` means COS refused GET Service for it,
 *   so the console asks for a bucket name instead of listing.
 */
export const SessionUser = Type.Union([
  Type.Object({ name: Type.String(), kind: Type.Literal('account'), role: Type.Literal('admin') }),
  // A restricted account's grants: where the console sends it and which actions it offers.
  Type.Object({ name: Type.String(), kind: Type.Literal('account'), role: Type.Literal('user'), grants: Type.Array(Grant) }),
  Type.Object({ name: Type.String(), kind: Type.Literal('api-key'), role: Type.Literal('api-key'), temporary: Type.Boolean(), canListBuckets: Type.Boolean() }),
]);
export type SessionUser = Static<typeof SessionUser>;

export const LoginResponse = Type.Object({ user: SessionUser });
export type LoginResponse = Static<typeof LoginResponse>;

export const Login = route('POST', '/api/login', {
  body: LoginBody,
  response: { 200: LoginResponse, 401: ErrorResponse, 429: ErrorResponse, 503: ErrorResponse },
});

export const SessionResponse = Type.Object({ user: SessionUser, csrfToken: Type.String() });
export type SessionResponse = Static<typeof SessionResponse>;

export const GetSession = route('GET', '/api/session', { response: { 200: SessionResponse, 401: ErrorResponse } });

export const Logout = route('POST', '/api/logout', { response: { 204: Type.Null(), 401: ErrorResponse, 403: ErrorResponse } });
