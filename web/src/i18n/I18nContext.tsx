/**
 * The interface language: chosen by the user, remembered in localStorage, reflected in
 * <html lang> so screen readers pronounce the page in the right language. Dates and numbers are
 * formatted with Intl for the same locale. A locale's messages are loaded when it is chosen
 * (catalogues.ts); until they arrive the page stays in the language it was in.
 */
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { MessageKey, Messages } from './catalogue.ts';
import { ENGLISH, loadMessages } from './catalogues.ts';
import { INTL_TAGS, isLocale, type Locale } from './locales.ts';
import { pluralForm } from './pluralForm.ts';

const STORAGE_KEY = 'attest.locale';

export type MessageValues = { count?: number } & Record<string, string | number>;

export interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  /** `count` chooses a plural form, so it is a number: `t` formats it for the locale itself. */
  t: (key: MessageKey, values?: MessageValues) => string;
  formatNumber: (value: number) => string;
  /** An ISO date (YYYY-MM-DD) or timestamp, shown in the locale's own way. */
  formatDate: (iso: string, precision?: string) => string;
  formatDateTime: (iso: string) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be disabled (private mode, hardened browsers): fall back to the browser language.
  }
  const browser = navigator.language.slice(0, 2);
  return isLocale(browser) ? browser : 'en';
}

/** Dates without a time are read as UTC so a day never shifts with the viewer's time zone. */
function parseDate(iso: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : new Date(iso);
}

/** The locale to start in with its messages loaded; English when its catalogue cannot be fetched. */
export async function startingLanguage(): Promise<{ locale: Locale; messages: Messages }> {
  const locale = initialLocale();
  try {
    return { locale, messages: await loadMessages(locale) };
  } catch {
    return { locale: 'en', messages: ENGLISH };
  }
}

interface Shown {
  locale: Locale;
  messages: Messages;
}

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Shown }) {
  const [shown, setShown] = useState<Shown>(initial ?? { locale: 'en', messages: ENGLISH });
  const requested = useRef<Locale>(shown.locale);
  const { locale, messages } = shown;

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback(
    (next: Locale) => {
      requested.current = next;
      try {
        localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // Not persisted; the choice still holds for this visit.
      }
      loadMessages(next).then(
        (loaded) => {
          // A later choice made while this one loaded wins.
          if (requested.current === next) setShown({ locale: next, messages: loaded });
        },
        () => {
          // The catalogue could not be fetched (offline): stay in the language already shown.
          requested.current = locale;
        },
      );
    },
    [locale],
  );

  const value = useMemo<I18n>(() => {
    const tag = INTL_TAGS[locale];
    const numbers = new Intl.NumberFormat(tag);
    const plurals = new Intl.PluralRules(tag);
    return {
      locale,
      setLocale,
      t: (key, values) =>
        pluralForm(messages[key], values?.count, plurals).replace(/\{(\w+)\}/g, (whole, name: string) => {
          const v = values?.[name];
          if (v === undefined) return whole;
          return typeof v === 'number' ? numbers.format(v) : v;
        }),
      formatNumber: (n) => numbers.format(n),
      formatDate: (iso, precision) => {
        const date = parseDate(iso);
        if (Number.isNaN(date.getTime())) return iso;
        const options: Intl.DateTimeFormatOptions =
          precision === 'year' || precision === 'decade'
            ? { year: 'numeric', timeZone: 'UTC' }
            : precision === 'month' || precision === 'quarter'
              ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
              : { dateStyle: 'long', timeZone: 'UTC' };
        return new Intl.DateTimeFormat(tag, options).format(date);
      },
      formatDateTime: (iso) => {
        const date = parseDate(iso);
        if (Number.isNaN(date.getTime())) return iso;
        return new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
      },
    };
  }, [locale, messages, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
