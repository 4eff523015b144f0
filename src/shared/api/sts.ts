// POST /api/sts: temporary keys for a declared task, answered in the shape cos-js-sdk-v5's
// getAuthorization accepts.
import { Type, type Static } from '@sinclair/typebox';
import { ErrorResponse } from './errors';
import { route } from './schema';

export const StsBody = Type.Object({
  /** `<name>-<appid>`. */
  bucket: Type.String({ maxLength: 64 }),
  region: Type.String({ maxLength: 64 }),
  /** Key prefix the keys are narrowed to; no leading `/`, no `*`. */
  prefix: Type.String({ maxLength: 850 }),
  /** Exact CAM actions, `name/cos:PutObject`. */
  actions: Type.Array(Type.String({ maxLength: 100 }), { minItems: 1, maxItems: 50 }),
  /** Upload limit in bytes. */
  maxSize: Type.Optional(Type.Integer({ minimum: 0 })),
  /** Allowed content types (`image/*`). */
  contentTypes: Type.Optional(Type.Array(Type.String({ maxLength: 255 }), { minItems: 1, maxItems: 20 })),
}, { additionalProperties: false });
export type StsBody = Static<typeof StsBody>;

export const StsResponse = Type.Object({
  TmpSecretId: Type.String(),
  TmpSecretKey: Type.String(),
  // A temporary key is nothing without its token.
  SecurityToken: Type.String({ minLength: 1 }),
  /** Unix seconds. */
  StartTime: Type.Integer(),
  ExpiredTime: Type.Integer(),
});
export type StsResponse = Static<typeof StsResponse>;

export const Sts = route('POST', '/api/sts', {
  body: StsBody,
  response: { 200: StsResponse, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse, 502: ErrorResponse },
});
