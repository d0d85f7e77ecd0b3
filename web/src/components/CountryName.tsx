import { useI18n } from '../i18n/I18nContext.tsx';

/** Country names come from the browser's own Intl data: no table to ship or translate. */
export function useCountryName(): (code: string) => string {
  const { locale } = useI18n();
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  return (code) => {
    try {
      return names.of(code.toUpperCase()) ?? code;
    } catch {
      return code;
    }
  };
}

export function useLanguageName(): (code: string) => string {
  const { locale, t } = useI18n();
  const names = new Intl.DisplayNames([locale], { type: 'language' });
  return (code) => {
    // 'und' (no text to detect a language in) would read as "root" in some browsers.
    if (code === 'und') return t('field.unknown');
    try {
      return names.of(code) ?? code;
    } catch {
      return code;
    }
  };
}
