import { describe, expect, it } from 'vitest';
import { pickLanguage } from './language';

describe('pickLanguage', () => {
  it.each([
    ['stored choice wins', 'zh-CN', 'en-US', 'zh-CN'],
    ['stored en wins over a zh browser', 'en', 'zh-TW', 'en'],
    ['invalid stored value is ignored', 'fr', 'zh', 'zh-CN'],
    ['zh-TW browser', null, 'zh-TW', 'zh-CN'],
    ['upper-case ZH browser', null, 'ZH-cn', 'zh-CN'],
    ['other browser language', null, 'de-DE', 'en'],
    ['no information', undefined, undefined, 'en'],
  ] as const)('%s', (_name, stored, browser, expected) => {
    expect(pickLanguage(stored, browser)).toBe(expected);
  });
});
