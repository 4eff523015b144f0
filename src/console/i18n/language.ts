// Which language the console speaks. Pure so the choice rules are testable without a browser.

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

/** localStorage key of the language the user picked (only an explicit choice is stored). */
export const LANGUAGE_STORAGE_KEY = 'cos-console.lang';

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.some((l) => l === value);
}

/** The stored choice if valid, else the browser's language: any zh* is zh-CN, everything else en. */
export function pickLanguage(stored: string | null | undefined, browserLanguage: string | undefined): Language {
  if (isLanguage(stored)) return stored;
  return browserLanguage?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
