const formatters = new Map<string, Intl.DateTimeFormat>();

/** A COS timestamp (ISO 8601) in the reader's language; unparsable input is shown as given. */
export function formatDateTime(iso: string, lang: string): string {
  const date = new Date(iso);
  if (iso === '' || Number.isNaN(date.getTime())) return iso;
  let formatter = formatters.get(lang);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
    formatters.set(lang, formatter);
  }
  return formatter.format(date);
}
