import { useId } from 'react';
import { useI18n } from '../i18n/I18nContext.tsx';
import { LOCALE_NAMES, LOCALES, type Locale } from '../i18n/locales.ts';

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  const id = useId();
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('app.language')}</label>
      <select id={id} value={locale} onChange={(event) => setLocale(event.target.value as Locale)}>
        {LOCALES.map((code) => (
          // Each language is named in itself, and marked so screen readers pronounce it rightly.
          <option key={code} value={code} lang={code}>
            {LOCALE_NAMES[code]}
          </option>
        ))}
      </select>
    </div>
  );
}
