import { defaultLocale, isLocale, type Locale, locales, negotiateLocale } from '@haven/domain';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';

export const STORAGE_KEY = 'haven.locale';

/** Each language's name in that language, for the switcher. */
export const languageNames: Record<Locale, string> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  ar: 'العربية',
};

export function storedLocale(): Locale | null {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function rememberLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

function browserLocale(): Locale {
  const nav = globalThis.navigator;
  const preferred = nav?.languages?.length ? nav.languages.join(',') : nav?.language;
  return negotiateLocale(preferred);
}

/** Initial language: the user's explicit choice, else the browser's. The signed-in user's locale is applied later. */
export function initialLocale(): Locale {
  return storedLocale() ?? browserLocale() ?? defaultLocale;
}

export function currentLocale(): Locale {
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return isLocale(lng) ? lng : defaultLocale;
}

/** Mirrors the language on <html> so that screen readers and CSS (`:dir()`, logical properties) follow. */
export function applyDocumentLanguage(lng: string): void {
  if (typeof document === 'undefined') return;
  const locale = isLocale(lng) ? lng : defaultLocale;
  document.documentElement.lang = locale;
  document.documentElement.dir = i18n.dir(locale);
}

i18n.on('languageChanged', applyDocumentLanguage);

// English is built in (it is also the fallback); the other catalogs load when first needed.
const catalogs: Record<Exclude<Locale, 'en'>, () => Promise<{ default: typeof en }>> = {
  fr: () => import('./locales/fr.json'),
  es: () => import('./locales/es.json'),
  ar: () => import('./locales/ar.json'),
};

/** Loads a language's messages, if they are not loaded yet. */
export async function loadLocale(locale: Locale): Promise<void> {
  if (locale === 'en' || i18n.hasResourceBundle(locale, 'translation')) return;
  const { default: catalog } = await catalogs[locale]();
  i18n.addResourceBundle(locale, 'translation', catalog, true, true);
}

/** The language asked for at start-up (before its messages are loaded, i18next resolves it to English). */
export function requestedLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : defaultLocale;
}

/** Switches the UI language once its messages are loaded (never a flash of keys or English). */
export async function switchLanguage(locale: Locale): Promise<void> {
  await loadLocale(locale);
  await i18n.changeLanguage(locale);
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en } },
  partialBundledLanguages: true,
  lng: initialLocale(),
  fallbackLng: defaultLocale,
  supportedLngs: [...locales],
  initAsync: false,
  returnEmptyString: false,
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
});
applyDocumentLanguage(i18n.language);

export default i18n;
