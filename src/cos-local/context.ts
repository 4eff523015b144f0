// What an operation handler receives and returns. Handlers return data or throw CosError; the
// pipeline (handler.ts) and reply.ts do everything else.
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import type { CorsConfiguration } from '../shared/xml/cors';
import type { AccountRegistry, Principal } from './principal';
import type { Route } from './route';
import type { BucketRecord, Store } from './store/types';

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export interface IdGenerator {
  /** `x-cos-request-id` and the error body's RequestId. */
  requestId(): string;
  /** The error body's TraceId. */
  traceId(): string;
}

export interface Services {
  store: Store;
  accounts: AccountRegistry;
  clock: Clock;
  /** Region of buckets created through a host that names none (path-style). */
  defaultRegion: string;
}

export interface OpContext extends Services {
  req: IncomingMessage;
  route: Route;
  principal: Principal;
  /** The addressed bucket when it exists in the addressed region. */
  bucket: BucketRecord | undefined;
  /** Its CORS configuration, when it has one. */
  cors: CorsConfiguration | undefined;
}

export interface OpResult {
  /** Default 200. */
  status?: number;
  /** Response headers; a `Content-Length` here is kept (HEAD Object). */
  headers?: Record<string, string>;
  /** An XML document body. */
  xml?: string;
  /** An object body of `length` bytes. */
  stream?: { body: Readable; length: number };
}

export type OpHandler = (ctx: OpContext) => Promise<OpResult>;
