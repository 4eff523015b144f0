// Conditional GET/HEAD Object (If-Match, If-None-Match, If-Modified-Since, If-Unmodified-Since;
// 436/7753), evaluated in the order of RFC 9110 §13.2.2.
import type { IncomingHttpHeaders } from 'node:http';

export type ConditionResult = 'proceed' | 'not-modified' | 'precondition-failed';

const bare = (etag: string): string => etag.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');

function etagListMatches(header: string, etag: string): boolean {
  const target = bare(etag);
  return header.split(',').some((t) => t.trim() === '*' || bare(t) === target);
}

function parseDate(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? undefined : ms;
}

/** `lastModified` in epoch ms (whole seconds, as HTTP dates are). */
export function evaluateConditions(h: IncomingHttpHeaders, etag: string, lastModified: number): ConditionResult {
  const ifMatch = h['if-match'];
  if (ifMatch !== undefined) {
    if (!etagListMatches(ifMatch, etag)) return 'precondition-failed';
  } else {
    const since = parseDate(h['if-unmodified-since']);
    if (since !== undefined && lastModified > since) return 'precondition-failed';
  }
  const ifNoneMatch = h['if-none-match'];
  if (ifNoneMatch !== undefined) {
    if (etagListMatches(ifNoneMatch, etag)) return 'not-modified';
  } else {
    const since = parseDate(h['if-modified-since']);
    if (since !== undefined && lastModified <= since) return 'not-modified';
  }
  return 'proceed';
}
