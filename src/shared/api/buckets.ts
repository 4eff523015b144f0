// Buckets through the console server: the listing, creation (admins), and whether a bucket's CORS
// rules let the console reach it (and adding the rule that does).
import { Type, type Static } from '@sinclair/typebox';
import { ErrorResponse } from './errors';
import { route, StringEnum } from './schema';

const Region = Type.String({ pattern: '^[a-z0-9-]{1,40}$' });

export const BucketSummary = Type.Object({ name: Type.String(), region: Type.String(), creationDate: Type.String() });
export type BucketSummary = Static<typeof BucketSummary>;

export const BucketList = Type.Object({ buckets: Type.Array(BucketSummary) });
export type BucketList = Static<typeof BucketList>;

export const ListBuckets = route('GET', '/api/buckets', { response: { 200: BucketList } });

export const CreateBucketBody = Type.Object({ name: Type.String({ maxLength: 80 }), region: Region }, { additionalProperties: false });
export type CreateBucketBody = Static<typeof CreateBucketBody>;

export const CreatedBucket = Type.Object({ name: Type.String(), region: Type.String() });
export type CreatedBucket = Static<typeof CreatedBucket>;

export const CreateBucket = route('POST', '/api/buckets', { body: CreateBucketBody, response: { 201: CreatedBucket } });

export const BucketParams = Type.Object({ bucket: Type.String({ maxLength: 80 }) });
export type BucketParams = Static<typeof BucketParams>;

/** `{ region }`, nothing else: the query of the check, the body of the fix. */
export const RegionQuery = Type.Object({ region: Region }, { additionalProperties: false });
export type RegionQuery = Static<typeof RegionQuery>;
export const RegionBody = Type.Object({ region: Region }, { additionalProperties: false });
export type RegionBody = Static<typeof RegionBody>;

/** Whether a bucket's CORS rules let this console's origin make its requests. */
export const ConsoleCorsStatus = Type.Object({
  reachable: Type.Boolean(),
  /** The console's origin, as the server sees it: the one a rule must allow. */
  origin: Type.String(),
});
export type ConsoleCorsStatus = Static<typeof ConsoleCorsStatus>;

export const GetConsoleCors = route('GET', '/api/buckets/:bucket/console-cors', {
  params: BucketParams,
  querystring: RegionQuery,
  response: { 200: ConsoleCorsStatus, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
});

/** The console's rule was added, or (present) a rule already covered the origin. */
export const ConsoleCorsFix = Type.Object({ status: StringEnum(['added', 'present']), origin: Type.String() });
export type ConsoleCorsFix = Static<typeof ConsoleCorsFix>;

export const FixConsoleCors = route('POST', '/api/buckets/:bucket/console-cors', {
  params: BucketParams,
  body: RegionBody,
  response: { 200: ConsoleCorsFix, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
});
