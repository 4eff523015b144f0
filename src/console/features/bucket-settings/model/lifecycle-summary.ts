// One lifecycle rule as a plain sentence for the bucket-settings pages: the scope, the transitions in
// order, the expiration, what happens to noncurrent versions and to incomplete multipart uploads.
// Every word comes from the catalog (bucketSettings.lifecycle.summary) so each language orders its own
// sentence; dates go through the console's cached formatter. A rule that validateLifecycle would refuse
// is still summarised as given (unknown storage classes verbatim, unparsable days or dates as written).
import type { TFunction } from 'i18next';
import type { LifecycleFilter, LifecycleRule, LifecycleTag, LifecycleTime } from '../../../../shared/xml/lifecycle';
import type { Catalog } from '../../../i18n/en';
import { formatDateTime } from '../../../i18n/format-date';

export interface LifecycleSummaryOptions {
  /** The reader's language, for dates. */
  lang: string;
  /** Time zone for dates; the reader's own unless given (tests pin it). */
  timeZone?: string;
}

const KNOWN_CLASSES = [
  'STANDARD', 'STANDARD_IA', 'ARCHIVE', 'DEEP_ARCHIVE', 'INTELLIGENT_TIERING',
  'MAZ_STANDARD', 'MAZ_STANDARD_IA', 'MAZ_ARCHIVE', 'MAZ_INTELLIGENT_TIERING',
] as const;

// The sentence is plain text (React escapes it), so values are never HTML-escaped here.
const RAW = { interpolation: { escapeValue: false } } as const;

/** A rule of the lifecycle configuration as one sentence in the language of `t`. */
export function summariseLifecycleRule(rule: LifecycleRule, t: TFunction, options: LifecycleSummaryOptions): string {
  // The keys are checked by SummaryKey; the values each template takes are checked by catalogs.test.ts.
  const plain = t as unknown as (key: string, values: Record<string, unknown>) => string;
  const s = (key: SummaryKey, values: Record<string, string> = {}): string =>
    plain(`bucketSettings.lifecycle.summary.${key}`, { ...values, ...RAW });
  const days = (value: string): string => {
    const count = Number(value);
    return Number.isFinite(count) ? t('bucketSettings.lifecycle.summary.days', { count, ...RAW }) : value;
  };
  const date = (iso: string): string =>
    formatDateTime(iso, options.lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: options.timeZone });
  const storageClass = (name: string): string => {
    const known = KNOWN_CLASSES.find((k) => k === name.toUpperCase()); // COS compares class names case-insensitively
    return known ? t(`storageClass.${known}`) : name;
  };
  const list = (items: string[], separator: SummaryKey, last: SummaryKey): string =>
    items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(s(separator))}${s(last)}${items[items.length - 1]}`;
  const timed = (time: LifecycleTime, daysKey: SummaryKey, dateKey: SummaryKey, values: Record<string, string>): string[] => {
    if (time.days !== undefined) return [s(daysKey, { ...values, days: days(time.days) })];
    if (time.date !== undefined) return [s(dateKey, { ...values, date: date(time.date) })];
    return [];
  };

  const current = [
    ...rule.transitions.flatMap((tr) => timed(tr, 'transitionDays', 'transitionDate', { storageClass: storageClass(tr.storageClass) })),
    ...(rule.expiration ? timed(rule.expiration, 'expireDays', 'expireDate', {}) : []),
  ];
  const noncurrent = [
    ...rule.noncurrentVersionTransitions.map((tr) =>
      s('noncurrentTransition', { storageClass: storageClass(tr.storageClass), days: days(tr.noncurrentDays) })),
    ...(rule.noncurrentVersionExpiration ? [s('noncurrentExpire', { days: days(rule.noncurrentVersionExpiration.noncurrentDays) })] : []),
  ];
  const others: string[] = [];
  if (noncurrent.length > 0) others.push(s('noncurrent', { actions: list(noncurrent, 'listSeparator', 'listLast') }));
  if (rule.expiration?.expiredObjectDeleteMarker?.toLowerCase() === 'true') others.push(s('deleteMarkers'));
  if (rule.abortIncompleteMultipartUpload) others.push(s('abortMultipart', { days: days(rule.abortIncompleteMultipartUpload.daysAfterInitiation) }));

  const scope = scopeOf(rule.filter, s, list);
  const text = current.length > 0
    ? [s('current', { scope, actions: list(current, 'listSeparator', 'listLast') }), ...others].join(s('partSeparator'))
    : s('scopeOnly', { scope, parts: others.length > 0 ? others.join(s('partSeparator')) : s('noActions') });
  return s(rule.status === 'Disabled' ? 'sentenceDisabled' : 'sentence', { text });
}

/** The summary's catalog keys, except the plural forms of `days` (asked for with a count). */
type SummaryKey = Exclude<keyof Catalog['bucketSettings']['lifecycle']['summary'], `days_${string}`>;

function scopeOf(
  filter: LifecycleFilter,
  s: (key: SummaryKey, values?: Record<string, string>) => string,
  list: (items: string[], separator: SummaryKey, last: SummaryKey) => string,
): string {
  const tags = (ts: LifecycleTag[]): string => list(ts.map((tag) => s('tag', { key: tag.key, value: tag.value })), 'tagSeparator', 'tagLast');
  // An empty prefix matches every key, so it is the whole bucket.
  const prefix = filter.kind === 'prefix' || filter.kind === 'and' ? filter.prefix || undefined : undefined;
  const tagList = filter.kind === 'tag' ? [filter.tag] : filter.kind === 'and' ? filter.tags : [];
  if (prefix !== undefined && tagList.length > 0) return s('scopePrefixTags', { prefix, tags: tags(tagList) });
  if (prefix !== undefined) return s('scopePrefix', { prefix });
  if (tagList.length > 0) return s('scopeTags', { tags: tags(tagList) });
  return s('scopeAll');
}
