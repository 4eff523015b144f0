import { describe, expect, it } from 'vitest';
import { dateTimeFormat, formatDateTime } from './format-date';

// ICU versions differ in the space before AM/PM (U+0020 or U+202F).
const plain = (s: string): string => s.replace(/\s/g, ' ');

describe('dateTimeFormat', () => {
  it('hands out one formatter per language and options, whatever the options’ order', () => {
    const a = dateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });
    expect(dateTimeFormat('en-US', { timeStyle: 'short', dateStyle: 'medium' })).toBe(a);
    expect(dateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: undefined })).toBe(a);
    expect(dateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'medium' })).not.toBe(a);
    expect(dateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'short' })).not.toBe(a);
    expect(dateTimeFormat('en-US')).toBe(dateTimeFormat('en-US', {}));
  });

  it('formats with the language and options asked for', () => {
    const at = new Date(Date.UTC(2026, 10, 23, 14, 5, 9));
    expect(plain(dateTimeFormat('en-US', { timeZone: 'UTC', dateStyle: 'medium', timeStyle: 'medium' }).format(at))).toBe('Nov 23, 2026, 2:05:09 PM');
    expect(dateTimeFormat('zh-CN', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' }).format(at)).toBe('2026年11月23日');
  });
});

describe('formatDateTime', () => {
  it.each([
    ['an ISO timestamp, to the minute', '2026-11-23T14:05:09.000Z', undefined, 'Nov 23, 2026, 2:05 PM'],
    ['with other options', '2026-11-23T14:05:09.000Z', { dateStyle: 'medium', timeStyle: 'medium' }, 'Nov 23, 2026, 2:05:09 PM'],
    ['unparsable text as given', 'not a date', undefined, 'not a date'],
    ['empty text as given', '', undefined, ''],
  ] as const)('%s', (_name, iso, options, expected) => {
    expect(plain(formatDateTime(iso, 'en-US', { ...(options ?? { dateStyle: 'medium', timeStyle: 'short' }), timeZone: 'UTC' }))).toBe(expected);
  });
});
