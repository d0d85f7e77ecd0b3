/**
 * The interface languages. English is the source every other catalogue is typed against and the
 * one bundled with the app; the others are loaded when chosen (catalogues.ts). Portuguese is
 * Brazilian Portuguese (pt-BR) throughout: one variant, so a reader never meets both "arquivo" and
 * "ficheiro" on one screen.
 */
export const LOCALES = ['en', 'pt', 'es', 'ru', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  pt: 'Português',
  es: 'Español',
  ru: 'Русский',
  fr: 'Français',
};

/** The BCP 47 tag used for Intl formatting and plural rules (`pt` is read as Brazilian Portuguese). */
export const INTL_TAGS: Record<Locale, string> = { en: 'en', pt: 'pt-BR', es: 'es', ru: 'ru', fr: 'fr' };

export function isLocale(value: string | null | undefined): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
