// The error answer of every console server route: `{ error: { code, message } }`, whatever the status.
import { Type, type Static } from '@sinclair/typebox';

export const ErrorResponse = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String() }),
});
export type ErrorResponse = Static<typeof ErrorResponse>;
