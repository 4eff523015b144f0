// Share links (pre-signed GET URLs, https://www.tencentcloud.com/document/product/436/45243): the validities offered, and
// how a failure is told.
import { CosClientError } from '../../../cos/cos-error';
import { dateTimeFormat } from '../../../i18n/format-date';

/**
 * Link lifetimes offered, in seconds. The longest is the server's MAX_SHARE_SECONDS (7200 s,
 * src/server/routes/sign.ts): what a root key's temporary key may live, so a link signed with one
 * never outlives its key.
 */
export const SHARE_DURATIONS = [
  { seconds: 900, labelKey: 'share.durations.m15' },
  { seconds: 3600, labelKey: 'share.durations.h1' },
  { seconds: 7200, labelKey: 'share.durations.h2' },
] as const;

export type ShareSeconds = (typeof SHARE_DURATIONS)[number]['seconds'];

export const DEFAULT_SHARE_SECONDS: ShareSeconds = 3600;

export function isShareSeconds(value: unknown): value is ShareSeconds {
  return SHARE_DURATIONS.some((d) => d.seconds === value);
}

/** 'forbidden' when the console refused to sign (403: no `share` permission on the object). */
export function shareFailureKind(error: unknown): 'forbidden' | 'failed' {
  return error instanceof CosClientError && error.source === 'sign' && error.statusCode === 403 ? 'forbidden' : 'failed';
}

/** The expiry to the second, in the reader's language and time zone (a link's end is exact). */
export function formatExpiry(epochMs: number, lang: string): string {
  return dateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'long' }).format(new Date(epochMs));
}
