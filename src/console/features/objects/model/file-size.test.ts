import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../../i18n/en';
import { zhCN } from '../../../i18n/zh-CN';
import { fileSize } from './file-size';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } }, lng: 'en', interpolation: { escapeValue: false } });
});

function text(bytes: number, lang: 'en' | 'zh-CN'): string {
  const { key, value } = fileSize(bytes, lang);
  return i18n.getFixedT(lang)(key, { value });
}

describe('fileSize', () => {
  it.each([
    [0, '0 bytes', '0 字节'],
    [1, '1 byte', '1 字节'],
    [1023, '1,023 bytes', '1,023 字节'],
    [1024, '1 KB', '1 KB'],
    [1536, '1.5 KB', '1.5 KB'],
    [1024 * 1024 - 1, '1 MB', '1 MB'],
    [5 * 1024 ** 3 + 300 * 1024 ** 2, '5.3 GB', '5.3 GB'],
    [3 * 1024 ** 4, '3 TB', '3 TB'],
    [2048 * 1024 ** 5, '2,048 PB', '2,048 PB'],
  ])('%d bytes', (bytes, english, chinese) => {
    expect(text(bytes, 'en')).toBe(english);
    expect(text(bytes, 'zh-CN')).toBe(chinese);
  });

  it('shows nonsense input as 0 bytes', () => {
    expect(text(Number.NaN, 'en')).toBe('0 bytes');
  });
});
