// The minimal CORS rule that lets the console (one origin) use a bucket from the browser
// (docs/cos-behaviour.md "CORS"): the methods the console sends and the response headers cos-js-sdk-v5
// reads (the part ETag of a multipart upload above all: cos-js-sdk-v5 1.10.1 src/advance.js fails an
// upload whose part ETag it cannot read; and the version id, CRC64, request id; and the replication
// status of HEAD Object, 436/7745, which the replication section shows).
import type { CorsConfiguration, CorsRule } from '../xml/cors';

export const CONSOLE_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'] as const;

export const CONSOLE_EXPOSE_HEADERS = [
  'ETag', 'Date', 'Content-Length', 'Content-Type', 'Content-Disposition', 'Last-Modified', 'x-cos-request-id',
  'x-cos-version-id', 'x-cos-hash-crc64ecma', 'x-cos-delete-marker', 'x-cos-storage-class',
  'x-cos-server-side-encryption', 'x-cos-tagging-count', 'x-cos-object-type', 'x-cos-next-append-position',
  'x-cos-replication-status',
] as const;

export function consoleCorsRule(origin: string): CorsRule {
  return {
    id: 'cos-console',
    allowedOrigins: [origin],
    allowedMethods: [...CONSOLE_METHODS],
    allowedHeaders: ['*'],
    exposeHeaders: [...CONSOLE_EXPOSE_HEADERS],
    maxAgeSeconds: '600',
  };
}

const covers = (patterns: readonly string[], value: string): boolean =>
  patterns.some((p) => p === '*' || p.toLowerCase() === value.toLowerCase());

/** Whether some rule already lets `origin` send every console method and read ETag. */
export function reachesConsole(config: CorsConfiguration | undefined, origin: string): boolean {
  return (config?.rules ?? []).some((r) =>
    covers(r.allowedOrigins, origin)
    && CONSOLE_METHODS.every((m) => covers(r.allowedMethods, m))
    && covers(r.allowedHeaders, '*')
    && covers(r.exposeHeaders, 'ETag'));
}

/** The configuration with the console's rule added (existing rules kept, in order). */
export function withConsoleRule(config: CorsConfiguration | undefined, origin: string): CorsConfiguration {
  return { ...(config ?? {}), rules: [...(config?.rules ?? []), consoleCorsRule(origin)] };
}
