// i18next setup. Imported once by main.tsx; the language is picked before the first render so the
// first screen is already in the right language.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';
import { LANGUAGE_STORAGE_KEY, pickLanguage, type Language } from './language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

function readStoredLanguage(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null; // storage can be disabled; fall back to the browser language
  }
}

export const i18n = i18next.createInstance();

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  lng: pickLanguage(readStoredLanguage(), navigator.language),
  fallbackLng: 'en',
  supportedLngs: ['en', 'zh-CN'],
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false,
});

/** Switches the language on the user's request and remembers the choice. */
export function setLanguage(lng: Language): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, lng);
  } catch {
    // not remembered across visits; the switch still applies now
  }
  void i18n.changeLanguage(lng);
}
