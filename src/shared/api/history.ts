// The settings history (docs/architecture.md "Settings history"): every change the console makes to a
// bucket setting, with the configuration before and after, both read from COS by the console server
// with the session's own authority. A change is opened before the browser writes to COS and confirmed
// after; rollbacks and settings-document applications are changes too.
import { Type, type Static } from '@sinclair/typebox';
import { TRACKED_SETTINGS } from '../settings/names';
import { BucketParams } from './buckets';
import { ErrorResponse } from './errors';
import { route, StringEnum } from './schema';

const Region = Type.String({ pattern: '^[a-z0-9-]{1,40}$' });

export const SettingNameSchema = StringEnum(TRACKED_SETTINGS);
export const HISTORY_KINDS = ['change', 'rollback', 'apply'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

export const HistoryEntry = Type.Object({
  id: Type.Integer(),
  bucket: Type.String(),
  region: Type.String(),
  setting: SettingNameSchema,
  /** Who made the change: the console account's name, or `api-key:<SecretId>`. */
  actor: Type.String(),
  /** When the change was opened (ms since the epoch). */
  at: Type.Integer(),
  kind: StringEnum(HISTORY_KINDS),
  /** The entry a rollback restored. */
  rollbackOf: Type.Optional(Type.Integer()),
  /** `pending` until the browser says it wrote to COS and the server read the result back. */
  state: StringEnum(['pending', 'confirmed'] as const),
  /** The setting's value as read from COS (codecs.ts; null = none configured). */
  before: Type.Unknown(),
  /** Read back from COS at confirmation; absent while pending. */
  after: Type.Optional(Type.Unknown()),
  /** Whether after differs from before (codecs.ts sameSetting); absent while pending. */
  changed: Type.Optional(Type.Boolean()),
});
export type HistoryEntry = Static<typeof HistoryEntry>;

export const OpenChangeBody = Type.Object({
  region: Region,
  setting: SettingNameSchema,
  kind: StringEnum(HISTORY_KINDS),
  rollbackOf: Type.Optional(Type.Integer({ minimum: 1 })),
}, { additionalProperties: false });
export type OpenChangeBody = Static<typeof OpenChangeBody>;

export const OpenChange = route('POST', '/api/buckets/:bucket/history', {
  params: BucketParams,
  body: OpenChangeBody,
  response: { 201: HistoryEntry, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 502: ErrorResponse },
});

export const ChangeParams = Type.Object({ bucket: Type.String({ maxLength: 80 }), id: Type.Integer({ minimum: 1 }) });
export type ChangeParams = Static<typeof ChangeParams>;

export const ConfirmChange = route('POST', '/api/buckets/:bucket/history/:id/confirm', {
  params: ChangeParams,
  body: Type.Object({}, { additionalProperties: false }),
  response: { 200: HistoryEntry, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 502: ErrorResponse },
});

export const HistoryQuery = Type.Object({
  region: Region,
  setting: Type.Optional(SettingNameSchema),
}, { additionalProperties: false });
export type HistoryQuery = Static<typeof HistoryQuery>;

export const HistoryList = Type.Object({ entries: Type.Array(HistoryEntry) });
export type HistoryList = Static<typeof HistoryList>;

export const ListHistory = route('GET', '/api/buckets/:bucket/history', {
  params: BucketParams,
  querystring: HistoryQuery,
  response: { 200: HistoryList, 400: ErrorResponse, 403: ErrorResponse },
});
