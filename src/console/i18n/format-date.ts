// The console's one cache of date formatters: building an Intl.DateTimeFormat loads locale data, so
// tables of hundreds of rows ask this cache, keyed by language and options, instead of building their own.
const formatters = new Map<string, Intl.DateTimeFormat>();

function cacheKey(lang: string, options: Intl.DateTimeFormatOptions): string {
  const entries = Object.entries(options).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${lang}|${JSON.stringify(entries)}`;
}

/** A cached Intl.DateTimeFormat for the language and options (the options' order does not matter). */
export function dateTimeFormat(lang: string, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  const key = cacheKey(lang, options);
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(lang, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * A timestamp (ISO 8601) in the reader's language, to the minute unless other options are given;
 * unparsable input is shown as given.
 */
export function formatDateTime(iso: string, lang: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
  const date = new Date(iso);
  if (iso === '' || Number.isNaN(date.getTime())) return iso;
  return dateTimeFormat(lang, options).format(date);
}
