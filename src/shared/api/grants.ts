// A console account's grant on the wire (src/shared/access/grants.ts is the model and its checks).
import { Type, type Static } from '@sinclair/typebox';
import { PERMISSIONS } from '../access/grants';
import { StringEnum } from './schema';

export const Permission = StringEnum(PERMISSIONS);

export const Grant = Type.Object({
  /** `<name>-<appid>`. */
  bucket: Type.String(),
  /** Key prefix, '' for the whole bucket. */
  prefix: Type.String(),
  permissions: Type.Array(Permission),
});
export type Grant = Static<typeof Grant>;
