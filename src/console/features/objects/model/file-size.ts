// Human-readable object sizes. Units are binary (1 KB = 1024 bytes), as the COS console shows them;
// the words come from the i18n catalog (fileSize.*), the digits from Intl for the reader's language.

const UNITS = ['KB', 'MB', 'GB', 'TB', 'PB'] as const;
export type SizeUnit = 'byte' | 'bytes' | (typeof UNITS)[number];

export interface FileSizeText {
  key: `fileSize.${SizeUnit}`;
  value: string;
}

export function fileSize(bytes: number, lang: string): FileSizeText {
  if (!Number.isFinite(bytes) || bytes < 1024) {
    const n = Number.isFinite(bytes) ? Math.max(0, Math.trunc(bytes)) : 0;
    return { key: n === 1 ? 'fileSize.byte' : 'fileSize.bytes', value: new Intl.NumberFormat(lang).format(n) };
  }
  let value = bytes / 1024;
  let unit = 0;
  // Step up while the rounded value would read 1024 or more ("1,024 KB" should be "1 MB").
  while (unit < UNITS.length - 1 && Math.round(value * 10) / 10 >= 1024) {
    value /= 1024;
    unit += 1;
  }
  const format = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  return { key: `fileSize.${UNITS[unit] ?? 'PB'}`, value: format.format(value) };
}
